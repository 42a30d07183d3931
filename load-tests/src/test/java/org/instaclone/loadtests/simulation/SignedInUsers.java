package org.instaclone.loadtests.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.instaclone.loadtests.seed.FreshTokens;
import org.instaclone.loadtests.seed.InstacloneApi;
import org.instaclone.loadtests.seed.InstacloneApi.SignedIn;
import org.instaclone.loadtests.seed.SeededUser;

/**
 * The simulations' feeder: a random sample of the seeded users, signed in before the load starts
 * (through the gateway, two at a time: each sign-in is an Argon2 hash, ~0.1 s of CPU and 19 MiB of
 * follow-service's heap while it runs; 8 at once ended follow-service's 160 MB heap in the local run),
 * as records {@code token}, {@code userId}, {@code handle}; their tokens are refreshed while the run
 * lasts ({@link FreshTokens}).
 */
final class SignedInUsers {

	private SignedInUsers() {
	}

	static List<SeededUser> seeded(LoadSettings settings, Predicate<SeededUser> which) {
		try {
			List<SeededUser> users = new ArrayList<>(SeededUser.read(settings.usersFile()).stream().filter(which).toList());
			if (users.isEmpty()) {
				throw new IllegalStateException("no seeded users in " + settings.usersFile() + " for this simulation");
			}
			return users;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the users file " + settings.usersFile()
					+ " (seed first: load-tests/run.sh, or org.instaclone.loadtests.Seed)", ex);
		}
	}

	/**
	 * Signs the sample in and keeps their tokens fresh ({@link FreshTokens}, checked every 15 s) until
	 * the simulation closes it.
	 */
	static FreshTokens signIn(LoadSettings settings, List<SeededUser> seeded) {
		List<SeededUser> sample = new ArrayList<>(seeded);
		Collections.shuffle(sample, new Random(settings.seed()));
		sample = sample.subList(0, Math.min(settings.signInUsers(), sample.size()));
		InstacloneApi api = new InstacloneApi(URI.create(settings.base()));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		long start = System.nanoTime();
		try {
			List<Future<SignedIn>> futures = new ArrayList<>();
			for (SeededUser user : sample) {
				futures.add(pool.submit(() -> api.signIn(user.handle(), SeededUser.PASSWORD)));
			}
			List<SignedIn> signedIn = new ArrayList<>();
			for (Future<SignedIn> future : futures) {
				signedIn.add(future.get());
			}
			System.out.printf("signed in %d users in %.1f s%n", signedIn.size(), (System.nanoTime() - start) / 1e9);
			return FreshTokens.through(api, signedIn).start(Duration.ofSeconds(15));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("sign-in failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}
}
