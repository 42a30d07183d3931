package org.instaclone.metrics.rollup;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One counter: how much of {@code metric} happened to {@code subject} on {@code day} (UTC). */
@Entity
@Table(name = "daily_rollup")
class DailyRollup {

	@EmbeddedId
	private Key key;

	private long value;

	protected DailyRollup() {
		// for JPA
	}

	LocalDate day() {
		return key.day();
	}

	long value() {
		return value;
	}

	@Embeddable
	record Key(String metric, UUID subjectId, LocalDate day) {
	}
}
