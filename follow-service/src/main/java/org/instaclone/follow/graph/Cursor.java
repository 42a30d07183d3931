package org.instaclone.follow.graph;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An opaque keyset cursor: the (time, id) of the last item of a page. Keyset paging never skips or
 * repeats an item while new follows arrive, unlike offsets.
 */
record Cursor(Instant at, UUID id) {

	/** Before every real item: the first page. */
	static final Cursor START = new Cursor(Instant.parse("9999-12-31T23:59:59Z"),
			new UUID(0xFFFFFFFFFFFFFFFFL, 0xFFFFFFFFFFFFFFFFL));

	static Cursor parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return START;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
			if (parts.length != 2) {
				throw new GraphExceptions.InvalidCursor();
			}
			return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
		}
		catch (IllegalArgumentException | java.time.format.DateTimeParseException ex) {
			throw new GraphExceptions.InvalidCursor();
		}
	}

	String encode() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
	}
}
