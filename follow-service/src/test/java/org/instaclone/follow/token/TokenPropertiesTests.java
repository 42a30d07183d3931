package org.instaclone.follow.token;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class TokenPropertiesTests {

	@Test
	void accessTokensLiveAtMostFifteenMinutes() {
		assertThatNoException().isThrownBy(() -> properties(Duration.ofMinutes(15)));
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofMinutes(16)));
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ZERO));
	}

	private static TokenProperties properties(Duration ttl) {
		return new TokenProperties(Path.of("keys"), ttl, Duration.ofDays(30), true);
	}
}
