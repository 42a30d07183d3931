package org.instaclone.loadtests.seed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.instaclone.loadtests.seed.InstacloneApi.SignedIn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreshTokensTests {

	private static final Instant T0 = Instant.parse("2026-12-06T04:00:00Z");

	/** Issues numbered tokens like follow-service: each refresh token works once. */
	private static final class FakeAuthority implements FreshTokens.Authority {

		final Set<String> retired = new HashSet<>();

		final List<String> calls = new ArrayList<>();

		int issued;

		@Override
		public SignedIn refresh(String refreshToken) {
			this.calls.add("refresh " + refreshToken);
			if (!this.retired.add(refreshToken)) {
				throw new ApiException("POST /api/accounts/refresh -> 401", 401);
			}
			return issue(refreshToken.substring(0, refreshToken.indexOf('#')));
		}

		@Override
		public SignedIn signIn(String handle) {
			this.calls.add("sign-in " + handle);
			return issue(handle);
		}

		SignedIn issue(String handle) {
			this.issued++;
			return new SignedIn("id-" + handle, handle, "access-" + this.issued, handle + "#refresh-" + this.issued, 900);
		}

	}

	private final FakeAuthority authority = new FakeAuthority();

	private Instant now = T0;

	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return FreshTokensTests.this.now;
		}
	};

	private FreshTokens twoUsers() {
		return new FreshTokens(List.of(this.authority.issue("ann"), this.authority.issue("bob")), this.authority,
				this.clock);
	}

	@Test
	void aTokenIsRenewedAfterTwoThirdsOfItsLifetimeAndNotBefore() {
		FreshTokens tokens = twoUsers();

		this.now = T0.plus(Duration.ofMinutes(9)).plusSeconds(59);
		assertThat(tokens.refreshDue()).isZero();
		assertThat(tokens.record(0)).containsEntry("token", "access-1");

		this.now = T0.plus(Duration.ofMinutes(10));
		assertThat(tokens.refreshDue()).isEqualTo(2);
		assertThat(tokens.record(0)).containsEntry("token", "access-3").containsEntry("handle", "ann")
			.containsEntry("userId", "id-ann");
		assertThat(tokens.record(1)).containsEntry("token", "access-4");
		assertThat(this.authority.calls).containsExactly("refresh ann#refresh-1", "refresh bob#refresh-2");
		assertThat(tokens.counts()).isEqualTo("2 tokens refreshed, 0 users signed in again");
	}

	@Test
	void theRotatedRefreshTokenIsTheOneUsedNextSoRunsLastHours() {
		FreshTokens tokens = twoUsers();

		for (int minutes = 1; minutes <= 120; minutes++) {
			this.now = T0.plus(Duration.ofMinutes(minutes));
			tokens.refreshDue();
		}

		// every 10 minutes for two hours, each time with the token the last refresh returned
		assertThat(this.authority.calls).hasSize(24).allMatch((call) -> call.startsWith("refresh "));
		assertThat(tokens.counts()).isEqualTo("24 tokens refreshed, 0 users signed in again");
	}

	@Test
	void aRefreshThatFailsSignsTheUserInAgain() {
		FreshTokens tokens = twoUsers();
		this.authority.retired.add("bob#refresh-2");

		this.now = T0.plus(Duration.ofMinutes(11));
		tokens.refreshDue();

		assertThat(this.authority.calls).containsExactly("refresh ann#refresh-1", "refresh bob#refresh-2", "sign-in bob");
		assertThat(tokens.record(1)).containsEntry("handle", "bob").containsEntry("token", "access-4");
		assertThat(tokens.counts()).isEqualTo("1 tokens refreshed, 1 users signed in again");
	}

	@Test
	void theFeederNeverRunsDryAndHandsOutCurrentTokens() {
		FreshTokens tokens = twoUsers();
		Iterator<Map<String, Object>> feeder = tokens.randomFeeder();
		this.now = T0.plus(Duration.ofMinutes(10));
		tokens.refreshDue();

		Set<Object> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			assertThat(feeder.hasNext()).isTrue();
			seen.add(feeder.next().get("token"));
		}
		assertThat(seen).containsExactlyInAnyOrder("access-3", "access-4");
	}
}
