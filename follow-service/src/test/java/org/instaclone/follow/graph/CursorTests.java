package org.instaclone.follow.graph;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorTests {

	@Test
	void roundTrips() {
		Cursor cursor = new Cursor(Instant.parse("2026-11-24T10:15:30.123456Z"), UUID.randomUUID());
		assertThat(Cursor.parse(cursor.encode())).isEqualTo(cursor);
	}

	@Test
	void missingCursorStartsAtTheBeginning() {
		assertThat(Cursor.parse(null)).isEqualTo(Cursor.START);
		assertThat(Cursor.parse(" ")).isEqualTo(Cursor.START);
	}

	@Test
	void garbageIsRefused() {
		assertThatExceptionOfType(GraphExceptions.InvalidCursor.class).isThrownBy(() -> Cursor.parse("%%%"));
		assertThatExceptionOfType(GraphExceptions.InvalidCursor.class).isThrownBy(() -> Cursor.parse("YWJj"));
		assertThatExceptionOfType(GraphExceptions.InvalidCursor.class)
			.isThrownBy(() -> Cursor.parse(java.util.Base64.getUrlEncoder().encodeToString("x|y".getBytes())));
	}

	@Test
	void aFollowOfYourselfIsRefused() {
		UUID me = UUID.randomUUID();
		assertThatExceptionOfType(GraphExceptions.SelfFollow.class).isThrownBy(() -> new Follow(me, me));
	}
}
