package org.instaclone.platform.paging;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paginated list: pass {@code nextCursor} back as {@code ?cursor=} for the next
 * page; {@code null} means there is none.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

	/** Largest page a client may ask for. */
	public static final int MAX_LIMIT = 100;

	/**
	 * Builds a page from up to {@code limit + 1} fetched rows: the extra row only tells that another
	 * page exists.
	 */
	public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
		if (fetched.size() <= limit) {
			return new Page<>(List.copyOf(fetched), null);
		}
		List<T> items = List.copyOf(fetched.subList(0, limit));
		return new Page<>(items, cursorOf.apply(items.get(limit - 1)).encode());
	}
}
