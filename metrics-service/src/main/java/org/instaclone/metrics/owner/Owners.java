package org.instaclone.metrics.owner;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Post, campaign and third-party app ownership, a projection of other services' events. A post's views are counted
 * whether or not its {@code post.created} event has arrived yet; they become visible to the author
 * once it has.
 */
@Service
public class Owners {

	private final JdbcClient jdbc;

	Owners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void postCreated(UUID postId, UUID authorId) {
		jdbc.sql("insert into post_owner (post_id, author_id) values (?, ?) on conflict do nothing")
			.params(postId, authorId)
			.update();
	}

	/** A deleted post's numbers are no longer shown to anyone. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void postDeleted(UUID postId) {
		jdbc.sql("delete from post_owner where post_id = ?").param(postId).update();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void campaignCreated(UUID campaignId, UUID advertiserId) {
		jdbc.sql("insert into campaign_owner (campaign_id, advertiser_id) values (?, ?) on conflict do nothing")
			.params(campaignId, advertiserId)
			.update();
	}

	/**
	 * Records the owner of each app (one statement; apps never change owner, so the first delivery
	 * event seen for an app decides).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void appsSeen(Map<UUID, UUID> ownerByApp) {
		if (ownerByApp.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into app_owner (app_id, owner_id)
				select a, o from unnest(?::uuid[], ?::uuid[]) as u(a, o)
				order by a
				on conflict do nothing""")
			.params(ownerByApp.keySet().stream().map(UUID::toString).toArray(String[]::new),
					ownerByApp.values().stream().map(UUID::toString).toArray(String[]::new))
			.update();
	}

	@Transactional(readOnly = true)
	public boolean isAuthor(UUID user, UUID postId) {
		return jdbc.sql("select exists (select 1 from post_owner where post_id = ? and author_id = ?)")
			.params(postId, user)
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	public boolean isAdvertiser(UUID user, UUID campaignId) {
		return jdbc.sql("select exists (select 1 from campaign_owner where campaign_id = ? and advertiser_id = ?)")
			.params(campaignId, user)
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	public boolean isAppOwner(UUID user, UUID appId) {
		return jdbc.sql("select exists (select 1 from app_owner where app_id = ? and owner_id = ?)")
			.params(appId, user)
			.query(Boolean.class)
			.single();
	}
}
