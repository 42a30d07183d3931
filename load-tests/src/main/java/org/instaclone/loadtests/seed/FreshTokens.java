package org.instaclone.loadtests.seed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.instaclone.loadtests.seed.InstacloneApi.SignedIn;
import org.jspecify.annotations.Nullable;

/**
 * The simulations' signed-in users, with access tokens kept fresh so a run may last longer than a
 * token (follow-service's live 15 minutes). Each user's token is renewed through
 * {@code POST /api/accounts/refresh} once two thirds of its lifetime have passed, by a background
 * thread, one user at a time, outside Gatling's measured requests; a refresh that fails (a retired or
 * revoked refresh token) signs the user in again. The feeder hands out each user's current token,
 * so every new virtual user starts with a valid one (a session lasts seconds, far less than the third
 * of a lifetime left). Thread-safe.
 */
public final class FreshTokens implements AutoCloseable {

	/** What renews a token: the API in a run, a fake in a test. */
	public interface Authority {

		SignedIn refresh(String refreshToken);

		SignedIn signIn(String handle);

	}

	private record Held(SignedIn signedIn, Instant refreshAt) {
	}

	private final AtomicReferenceArray<Held> users;

	private final Authority authority;

	private final Clock clock;

	private @Nullable ScheduledExecutorService scheduler;

	private volatile int refreshed;

	private volatile int signedInAgain;

	public FreshTokens(List<SignedIn> signedIn, Authority authority, Clock clock) {
		if (signedIn.isEmpty()) {
			throw new IllegalArgumentException("no signed-in users");
		}
		this.authority = authority;
		this.clock = clock;
		this.users = new AtomicReferenceArray<>(signedIn.size());
		for (int i = 0; i < signedIn.size(); i++) {
			this.users.set(i, held(signedIn.get(i)));
		}
	}

	/** Renews through the API; a failed refresh signs in with the seeded users' password. */
	public static FreshTokens through(InstacloneApi api, List<SignedIn> signedIn) {
		return new FreshTokens(signedIn, new Authority() {
			@Override
			public SignedIn refresh(String refreshToken) {
				return api.refresh(refreshToken);
			}

			@Override
			public SignedIn signIn(String handle) {
				return api.signIn(handle, SeededUser.PASSWORD);
			}
		}, Clock.systemUTC());
	}

	/** When a token received now with this lifetime is renewed: after two thirds of it. */
	static Instant refreshAt(Instant received, long expiresInSeconds) {
		return received.plusSeconds(Math.max(1, expiresInSeconds * 2 / 3));
	}

	private Held held(SignedIn signedIn) {
		return new Held(signedIn, refreshAt(this.clock.instant(), signedIn.expiresIn()));
	}

	public int size() {
		return this.users.length();
	}

	/** User {@code index} as a feeder record: {@code token}, {@code userId}, {@code handle}. */
	public Map<String, Object> record(int index) {
		SignedIn user = this.users.get(index).signedIn();
		return Map.of("token", user.accessToken(), "userId", user.id(), "handle", user.handle());
	}

	/** An endless feeder of random users, each with its current token. */
	public Iterator<Map<String, Object>> randomFeeder() {
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Map<String, Object> next() {
				return record(ThreadLocalRandom.current().nextInt(size()));
			}
		};
	}

	/** Renews every token that is due; answers how many were renewed. */
	public int refreshDue() {
		int renewed = 0;
		for (int i = 0; i < this.users.length(); i++) {
			Held held = this.users.get(i);
			if (this.clock.instant().isBefore(held.refreshAt())) {
				continue;
			}
			SignedIn fresh;
			try {
				fresh = this.authority.refresh(held.signedIn().refreshToken());
				this.refreshed++;
			}
			catch (RuntimeException ex) {
				fresh = this.authority.signIn(held.signedIn().handle());
				this.signedInAgain++;
			}
			this.users.set(i, held(fresh));
			renewed++;
		}
		return renewed;
	}

	/** Checks for due tokens every {@code every}, in a daemon thread, until {@link #close()}. */
	public synchronized FreshTokens start(Duration every) {
		if (this.scheduler == null) {
			ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "token-refresh");
				thread.setDaemon(true);
				return thread;
			});
			started.scheduleWithFixedDelay(() -> {
				try {
					refreshDue();
				}
				catch (RuntimeException ex) {
					System.err.println("token refresh: " + ex.getMessage() + " (retried at the next check)");
				}
			}, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
			this.scheduler = started;
		}
		return this;
	}

	/** Refreshes and sign-ins again so far, for the run's output. */
	public String counts() {
		return this.refreshed + " tokens refreshed, " + this.signedInAgain + " users signed in again";
	}

	@Override
	public synchronized void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}
}
