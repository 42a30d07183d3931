package org.instaclone.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Position in a list ordered newest first by {@code (created_at desc, id desc)}: the last row seen.
 * Opaque to clients (base64url); the id breaks ties between rows created in the same microsecond.
 */
public record Cursor(Instant at, UUID id) {

	public String encode() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
	}

	/** @return the decoded cursor, or {@code null} for the first page */
	public static @Nullable Cursor decode(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int bar = raw.indexOf('|');
			if (bar < 0) {
				throw new InvalidCursorException();
			}
			return new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new InvalidCursorException();
		}
	}
}
