package org.instaclone.follow.account;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bulkhead around password hashing: never more hashes at once than allowed; a caller that finds no
 * slot in time gets {@code PasswordCheckBusy} (503 sign-in-busy) instead of waiting for ever or taking
 * the heap down; a freed slot serves the next caller; the real Argon2 encoder still works through it.
 */
class PasswordHashingTests {

	@Test
	void aSecondHashWaitsForTheSlotAndGivesUpAfterTheWait() throws Exception {
		CountDownLatch hashing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		PasswordEncoder slow = new StandIn(hashing, release);
		PasswordHashing.Bounded bounded = new PasswordHashing.Bounded(slow, 1, Duration.ofMillis(200));

		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> bounded.encode("first"));
		assertThat(hashing.await(5, TimeUnit.SECONDS)).isTrue();
		long start = System.nanoTime();
		assertThatExceptionOfType(AccountExceptions.PasswordCheckBusy.class).isThrownBy(() -> bounded.matches("x", "y"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("hashed:first");
		assertThat(bounded.encode("second")).as("the freed slot serves the next caller").isEqualTo("hashed:second");
	}

	@Test
	void theRealEncoderWorksThroughTheBulkhead() {
		PasswordEncoder encoder = new PasswordHashing().passwordEncoder(2, Duration.ofSeconds(3));

		String hash = encoder.encode("correct horse battery staple");

		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(encoder.matches("correct horse battery staple", hash)).isTrue();
		assertThat(encoder.matches("wrong", hash)).isFalse();
	}

	@Test
	void refusesAnEmptyBulkhead() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new PasswordHashing.Bounded(new StandIn(new CountDownLatch(0), new CountDownLatch(0)), 0,
					Duration.ofSeconds(1)));
	}

	/** A password encoder that blocks until released, in place of Argon2's CPU time. */
	private record StandIn(CountDownLatch hashing, CountDownLatch release) implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			this.hashing.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "hashed:" + rawPassword;
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return encode(rawPassword).equals(encodedPassword);
		}
	}
}
