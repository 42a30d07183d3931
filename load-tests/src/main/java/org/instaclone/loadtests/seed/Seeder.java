package org.instaclone.loadtests.seed;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.instaclone.loadtests.graph.FollowGraph;
import org.instaclone.loadtests.seed.InstacloneApi.SignedIn;

import tools.jackson.databind.JsonNode;

/**
 * Seeds a running Instaclone through its public API (the gateway), in order: every account of every
 * graph signs up; each account follows its followees (one account's follows in sequence, accounts in
 * parallel); each account writes {@code textPostsPerUser} text posts; {@code photoPosts} photo posts by
 * random accounts; {@code campaigns} active ad campaigns by random accounts, each with a photo of its
 * own as creative. Then writes the users file. Seeding the same system twice signs the existing
 * accounts in instead of failing, and follows are idempotent; posts are added again.
 */
public final class Seeder {

	/**
	 * @param graphs the graphs to seed, each with its own handles ({@code <graph>_<node>})
	 * @param textPostsPerUser text posts per account
	 * @param photoPosts photo posts in all, by random accounts
	 * @param campaigns active ad campaigns
	 * @param concurrency requests in flight at once
	 * @param passwordConcurrency sign-ups in flight at once: each is an Argon2 hash that holds 19 MiB of
	 * follow-service's heap while it runs, and the local runner gives follow-service a 160 MB heap (8 at
	 * once ended it with an OutOfMemoryError here)
	 * @param seed random seed (who posts photos, captions, advertisers)
	 * @param usersFile where the users file goes
	 */
	public record Plan(List<FollowGraph> graphs, int textPostsPerUser, int photoPosts, int campaigns, int concurrency,
			int passwordConcurrency, long seed, Path usersFile) {
	}

	/** What was done and how long it took, phase by phase. */
	public record Report(Map<String, String> phases, int errors) {
	}

	private static final String[] HASHTAGS = { "sunset", "food", "travel", "cats", "coffee", "running", "books",
			"music", "art", "beach", "city", "friends", "nature", "dogs", "photography", "summer", "code", "gym",
			"flowers", "night" };

	private final InstacloneApi api;

	private final PrintStream out;

	public Seeder(InstacloneApi api, PrintStream out) {
		this.api = api;
		this.out = out;
	}

	public Report seed(Plan plan) throws IOException {
		Map<String, String> phases = new LinkedHashMap<>();
		AtomicInteger errors = new AtomicInteger();
		Random random = new Random(plan.seed());
		Map<String, SignedIn> accounts = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(plan.concurrency());
		try {
			// 1. accounts
			record Node(FollowGraph graph, int node) {
			}
			List<Node> nodes = new ArrayList<>();
			for (FollowGraph graph : plan.graphs()) {
				for (int node = 0; node < graph.users(); node++) {
					nodes.add(new Node(graph, node));
				}
			}
			ExecutorService passwordPool = Executors.newFixedThreadPool(plan.passwordConcurrency());
			try {
				phase(phases, "sign-ups", nodes.size(), errors, passwordPool, nodes, n -> {
					String handle = n.graph().handle(n.node());
					accounts.put(handle, this.api.signUp(handle, SeededUser.PASSWORD));
				});
			}
			finally {
				passwordPool.shutdownNow();
			}
			if (errors.get() > 0) {
				this.out.println("  sign-ups failed: not seeding the rest");
				return finish(plan, phases, errors, accounts);
			}

			// 2. follows: one task per follower, its follows in sequence
			List<List<FollowGraph.Follow>> byFollower = new ArrayList<>();
			List<FollowGraph> graphOf = new ArrayList<>();
			int followCount = 0;
			for (FollowGraph graph : plan.graphs()) {
				List<List<FollowGraph.Follow>> lists = new ArrayList<>();
				for (int i = 0; i < graph.users(); i++) {
					lists.add(new ArrayList<>());
				}
				for (FollowGraph.Follow follow : graph.follows()) {
					lists.get(follow.follower()).add(follow);
				}
				for (List<FollowGraph.Follow> list : lists) {
					if (!list.isEmpty()) {
						byFollower.add(list);
						graphOf.add(graph);
					}
				}
				followCount += graph.follows().size();
			}
			List<Integer> followerTasks = new ArrayList<>();
			for (int i = 0; i < byFollower.size(); i++) {
				followerTasks.add(i);
			}
			phase(phases, "follows", followCount, errors, pool, followerTasks, i -> {
				FollowGraph graph = graphOf.get(i);
				List<FollowGraph.Follow> follows = byFollower.get(i);
				SignedIn follower = account(accounts, graph.handle(follows.get(0).follower()));
				for (FollowGraph.Follow follow : follows) {
					this.api.follow(follower.accessToken(), graph.handle(follow.followee()));
				}
			});

			// 3. text posts, each account's in sequence
			List<String> handles = new ArrayList<>();
			for (Node n : nodes) {
				handles.add(n.graph().handle(n.node()));
			}
			Map<String, Long> captionSeeds = new LinkedHashMap<>();
			for (String handle : handles) {
				captionSeeds.put(handle, random.nextLong());
			}
			phase(phases, "text posts", handles.size() * plan.textPostsPerUser(), errors, pool, handles, handle -> {
				Random captions = new Random(captionSeeds.get(handle));
				SignedIn author = account(accounts, handle);
				for (int i = 0; i < plan.textPostsPerUser(); i++) {
					this.api.postText(author.accessToken(), caption(captions, handle, i));
				}
			});

			// 4. photo posts and 5. campaigns: photos by random accounts; each advertiser's creative is its own photo
			List<byte[]> photos = TestPhotos.generate(Math.max(1, Math.min(16, plan.photoPosts() + plan.campaigns())),
					plan.seed());
			List<String> photographers = new ArrayList<>();
			for (int i = 0; i < plan.photoPosts(); i++) {
				photographers.add(handles.get(random.nextInt(handles.size())));
			}
			List<Integer> photoTasks = new ArrayList<>();
			for (int i = 0; i < plan.photoPosts(); i++) {
				photoTasks.add(i);
			}
			// two at a time at most: upload-service decodes two photos at once and queues the rest
			int photoConcurrency = Math.min(2, plan.concurrency());
			ExecutorService photoPool = Executors.newFixedThreadPool(photoConcurrency);
			try {
				phase(phases, "photo posts", plan.photoPosts(), errors, photoPool, photoTasks, i -> {
					String handle = photographers.get(i);
					this.api.postPhoto(account(accounts, handle).accessToken(), photos.get(i % photos.size()),
							caption(new Random(plan.seed() + i), handle, i));
				});
				List<String> advertisers = new ArrayList<>(handles);
				Collections.shuffle(advertisers, random);
				List<Integer> campaignTasks = new ArrayList<>();
				for (int i = 0; i < Math.min(plan.campaigns(), advertisers.size()); i++) {
					campaignTasks.add(i);
				}
				phase(phases, "ad campaigns", campaignTasks.size(), errors, photoPool, campaignTasks, i -> {
					SignedIn advertiser = account(accounts, advertisers.get(i));
					JsonNode post = this.api.postPhoto(advertiser.accessToken(),
							photos.get((plan.photoPosts() + i) % photos.size()), "our new product #ad");
					String url = post.path("images").path(0).path("url").asString();
					this.api.createActiveCampaign(advertiser.accessToken(), "load-" + i,
							url.substring(url.lastIndexOf('/') + 1), 100 + 50 * (i % 9));
				});
			}
			finally {
				photoPool.shutdownNow();
			}
		}
		finally {
			pool.shutdownNow();
		}

		return finish(plan, phases, errors, accounts);
	}

	private Report finish(Plan plan, Map<String, String> phases, AtomicInteger errors, Map<String, SignedIn> accounts)
			throws IOException {
		// the users file: the accounts that exist (a failed sign-up is counted as an error above)
		List<SeededUser> users = new ArrayList<>();
		for (FollowGraph graph : plan.graphs()) {
			for (int node = 0; node < graph.users(); node++) {
				SignedIn account = accounts.get(graph.handle(node));
				if (account != null) {
					users.add(new SeededUser(graph.name(), node, account.handle(), account.id()));
				}
			}
		}
		SeededUser.write(plan.usersFile(), users);
		this.out.println("  users file: " + plan.usersFile() + " (" + users.size() + " accounts)");
		return new Report(phases, errors.get());
	}

	private static SignedIn account(Map<String, SignedIn> accounts, String handle) {
		SignedIn account = accounts.get(handle);
		if (account == null) {
			throw new ApiException(handle + " was not signed up", 0);
		}
		return account;
	}

	static String caption(Random random, String handle, int index) {
		String tag = HASHTAGS[Math.min(HASHTAGS.length - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 4))];
		return "Post " + index + " by " + handle + " #" + tag;
	}

	private <T> void phase(Map<String, String> phases, String name, int requests, AtomicInteger errors,
			ExecutorService pool, List<T> tasks, Consumer<T> task) {
		long start = System.nanoTime();
		AtomicInteger failed = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>(tasks.size());
		for (T item : tasks) {
			futures.add(pool.submit(() -> {
				try {
					task.accept(item);
				}
				catch (RuntimeException ex) {
					if (failed.incrementAndGet() <= 5) {
						this.out.println("  " + name + " failed: " + ex.getMessage());
					}
				}
			}));
		}
		for (Future<?> future : futures) {
			try {
				future.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failed.incrementAndGet();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		String summary = "%,d requests in %.1f s (%.0f/s), %d failed tasks".formatted(requests, seconds,
				requests / Math.max(seconds, 0.001), failed.get());
		this.out.println("  " + name + ": " + summary);
		phases.put(name, summary);
		errors.addAndGet(failed.get());
	}
}
