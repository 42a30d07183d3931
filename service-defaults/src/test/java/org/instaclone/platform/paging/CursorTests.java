package org.instaclone.platform.paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTests {

	@Test
	void roundTrips() {
		Cursor cursor = new Cursor(Instant.parse("2025-01-02T03:04:05.123456Z"), UUID.randomUUID());
		assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	@Test
	void absentMeansFirstPage() {
		assertThat(Cursor.decode(null)).isNull();
		assertThat(Cursor.decode("")).isNull();
	}

	@Test
	void rejectsCursorsItDidNotIssue() {
		assertThatThrownBy(() -> Cursor.decode("not base64!")).isInstanceOf(InvalidCursorException.class);
		assertThatThrownBy(() -> Cursor.decode("bm8tYmFy")).isInstanceOf(InvalidCursorException.class); // "no-bar"
		assertThatThrownBy(() -> Cursor.decode("eHx5")).isInstanceOf(InvalidCursorException.class); // "x|y"
	}

	@Test
	void pageCarriesCursorOnlyWhenMoreRowsExist() {
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		Instant t = Instant.parse("2025-01-01T00:00:00Z");
		assertThat(Page.of(List.of(a), 1, id -> new Cursor(t, id)).nextCursor()).isNull();
		Page<UUID> page = Page.of(List.of(a, b), 1, id -> new Cursor(t, id));
		assertThat(page.items()).containsExactly(a);
		assertThat(Cursor.decode(page.nextCursor())).isEqualTo(new Cursor(t, a));
	}
}
