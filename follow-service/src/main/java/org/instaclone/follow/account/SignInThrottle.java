package org.instaclone.follow.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per login identifier (whether or not an account exists, so the throttle
 * cannot be used to discover accounts). Stored in PostgreSQL, so it holds across instances and
 * restarts.
 */
@Component
class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final JdbcClient jdbc;

	private final SignInProperties properties;

	SignInThrottle(JdbcClient jdbc, SignInProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Throws when the login is throttled. */
	@Transactional(readOnly = true)
	void check(String login) {
		jdbc.sql("select failures, window_started_at from sign_in_throttle where login = ?")
			.param(login)
			.query((rs, n) -> new Window(rs.getInt(1), rs.getTimestamp(2).toInstant()))
			.optional()
			.filter(w -> w.failures() >= properties.maxFailures())
			.ifPresent(w -> {
				Instant until = w.startedAt().plus(properties.window());
				long seconds = Duration.between(Instant.now(), until).toSeconds();
				if (seconds > 0) {
					throw new AccountExceptions.SignInThrottled(seconds + 1);
				}
			});
	}

	/** Records a failure in its own transaction, so it sticks although the sign-in fails. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failed(String login) {
		Timestamp windowStart = Timestamp.from(Instant.now().minus(properties.window()));
		int failures = jdbc.sql("""
				insert into sign_in_throttle (login, failures, window_started_at) values (:login, 1, now())
				on conflict (login) do update set
				  failures = case when sign_in_throttle.window_started_at < :windowStart then 1
				                  else sign_in_throttle.failures + 1 end,
				  window_started_at = case when sign_in_throttle.window_started_at < :windowStart then now()
				                  else sign_in_throttle.window_started_at end
				returning failures""")
			.param("login", login)
			.param("windowStart", windowStart)
			.query(Integer.class)
			.single();
		if (failures == properties.maxFailures()) {
			log.warn("Sign-in throttled for a login after {} failures within {}", failures, properties.window());
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void succeeded(String login) {
		jdbc.sql("delete from sign_in_throttle where login = ?").param(login).update();
	}

	private record Window(int failures, Instant startedAt) {
	}
}
