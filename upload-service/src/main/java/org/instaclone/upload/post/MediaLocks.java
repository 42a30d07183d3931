package org.instaclone.upload.post;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Transaction-scoped PostgreSQL advisory locks per media key, so that "is this file still used?"
 * and "a new post starts using this file" cannot interleave: a publish holds the key's lock shared
 * from writing the file until its post commits; the clean-up holds it exclusively from the check
 * until the file is deleted. Keys are locked in sorted order, so two transactions cannot deadlock.
 */
@Component
class MediaLocks {

	private final JdbcClient jdbc;

	MediaLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void shared(Collection<String> keys) {
		lock("pg_advisory_xact_lock_shared", keys);
	}

	void exclusive(Collection<String> keys) {
		lock("pg_advisory_xact_lock", keys);
	}

	private void lock(String function, Collection<String> keys) {
		keys.stream().distinct().sorted().forEach(key -> jdbc.sql("select " + function + "(hashtextextended(?, 0))")
			.param(key)
			.query((rs, row) -> row)
			.list());
	}
}
