package org.instaclone.follow.graph;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.follow.account.AccountRef;
import org.instaclone.follow.account.AccountService;
import org.instaclone.platform.events.Outbox;
import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow and unfollow (both idempotent), lists and the "does A follow B" question. Every change
 * publishes a {@code follows} event through the outbox, keyed by follower so one user's follow and
 * unfollow of the same account stay in order.
 */
@Service
class FollowService {

	static final String TOPIC = "follows";

	private static final Cursor FIRST_PAGE = new Cursor(Instant.parse("9999-12-31T23:59:59Z"),
			new UUID(-1L, -1L));

	private final FollowRepository follows;

	private final AccountService accounts;

	private final Outbox outbox;

	FollowService(FollowRepository follows, AccountService accounts, Outbox outbox) {
		this.follows = follows;
		this.accounts = accounts;
		this.outbox = outbox;
	}

	@Transactional
	void follow(UUID followerId, String followeeHandle) {
		AccountRef follower = accounts.require(followerId);
		AccountRef followee = accounts.require(followeeHandle);
		Follow follow = new Follow(follower.id(), followee.id());
		if (follows.insertIfAbsent(follower.id(), followee.id(), follow.getCreatedAt()) == 0) {
			return;
		}
		accounts.countFollow(follower.id(), followee.id(), +1);
		publish("instaclone.follow.created.v1", follower, followee, follow.getCreatedAt());
	}

	@Transactional
	void unfollow(UUID followerId, String followeeHandle) {
		AccountRef follower = accounts.require(followerId);
		AccountRef followee = accounts.require(followeeHandle);
		if (follows.deleteIfPresent(follower.id(), followee.id()) == 0) {
			return;
		}
		accounts.countFollow(follower.id(), followee.id(), -1);
		publish("instaclone.follow.deleted.v1", follower, followee, Instant.now());
	}

	@Transactional(readOnly = true)
	boolean follows(String followerHandle, String followeeHandle) {
		AccountRef follower = accounts.require(followerHandle);
		AccountRef followee = accounts.require(followeeHandle);
		return follows.existsById(new Follow.Edge(follower.id(), followee.id()));
	}

	@Transactional(readOnly = true)
	Page<FollowView> followers(String handle, @Nullable String cursor, int limit) {
		AccountRef user = accounts.require(handle);
		Cursor after = startingAt(cursor);
		return Page.of(follows.followers(user.id(), after.at(), after.id(), Limit.of(limit + 1)), limit,
				FollowService::cursorOf);
	}

	@Transactional(readOnly = true)
	Page<FollowView> following(String handle, @Nullable String cursor, int limit) {
		AccountRef user = accounts.require(handle);
		Cursor after = startingAt(cursor);
		return Page.of(follows.following(user.id(), after.at(), after.id(), Limit.of(limit + 1)), limit,
				FollowService::cursorOf);
	}

	/** The first page starts after a position later than any real follow. */
	private static Cursor startingAt(@Nullable String cursor) {
		Cursor decoded = Cursor.decode(cursor);
		return decoded != null ? decoded : FIRST_PAGE;
	}

	private static Cursor cursorOf(FollowView view) {
		return new Cursor(view.followedAt(), view.id());
	}

	private void publish(String type, AccountRef follower, AccountRef followee, Instant at) {
		outbox.append(TOPIC, follower.id().toString(), type, followee.id().toString(),
				Map.of("followerId", follower.id(), "followerHandle", follower.handle(), "followeeId", followee.id(),
						"followeeHandle", followee.handle(), "at", at));
	}
}
