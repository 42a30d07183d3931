package org.instaclone.follow.account;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id at OWASP's second row (m = 19,456 KiB, t = 2, p = 1), not Spring's 16 MiB default. The
 * {@code {argon2}} prefix lets stronger parameters or another algorithm replace it later:
 * {@code upgradeEncoding} rehashes on the next sign-in.
 * <p>
 * Each hash takes 19 MiB of heap and a core for its duration, so at most
 * {@code instaclone.password-hashing.max-concurrent} (default 2) run at once; a sign-in or sign-up
 * that finds no slot within {@code max-wait} (3 s) is answered 503 {@code sign-in-busy} with
 * {@code Retry-After}. Measured: eight concurrent sign-ups ran the local runner's 160 MB heap out of
 * memory (the load generator's seeding, docs/performance.md), which would be anyone's way to crash
 * the service.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	static final int MEMORY_KIB = 19_456;

	static final int ITERATIONS = 2;

	@Bean
	PasswordEncoder passwordEncoder(@Value("${instaclone.password-hashing.max-concurrent:2}") int maxConcurrent,
			@Value("${instaclone.password-hashing.max-wait:3s}") Duration maxWait) {
		return new Bounded(new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS))), maxConcurrent, maxWait);
	}

	/** A bulkhead around a password encoder: a bounded number of hashes at once, a bounded wait for one. */
	static final class Bounded implements PasswordEncoder {

		private final PasswordEncoder hashing;

		private final Semaphore slots;

		private final Duration maxWait;

		Bounded(PasswordEncoder hashing, int maxConcurrent, Duration maxWait) {
			if (maxConcurrent < 1) {
				throw new IllegalArgumentException("instaclone.password-hashing.max-concurrent must be at least 1");
			}
			this.hashing = hashing;
			this.slots = new Semaphore(maxConcurrent, true);
			this.maxWait = maxWait;
		}

		@Override
		public @Nullable String encode(@Nullable CharSequence rawPassword) {
			acquire();
			try {
				return this.hashing.encode(rawPassword);
			}
			finally {
				this.slots.release();
			}
		}

		@Override
		public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
			acquire();
			try {
				return this.hashing.matches(rawPassword, encodedPassword);
			}
			finally {
				this.slots.release();
			}
		}

		@Override
		public boolean upgradeEncoding(@Nullable String encodedPassword) {
			return this.hashing.upgradeEncoding(encodedPassword);
		}

		private void acquire() {
			try {
				if (!this.slots.tryAcquire(this.maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new AccountExceptions.PasswordCheckBusy();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AccountExceptions.PasswordCheckBusy();
			}
		}
	}
}
