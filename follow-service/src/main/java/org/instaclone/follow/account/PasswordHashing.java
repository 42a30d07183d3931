package org.instaclone.follow.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id at OWASP's second row (m = 19,456 KiB, t = 2, p = 1), not Spring's 16 MiB default. The
 * {@code {argon2}} prefix lets stronger parameters or another algorithm replace it later:
 * {@code upgradeEncoding} rehashes on the next sign-in.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	static final int MEMORY_KIB = 19_456;

	static final int ITERATIONS = 2;

	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS)));
	}
}
