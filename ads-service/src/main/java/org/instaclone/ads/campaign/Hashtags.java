package org.instaclone.ads.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hashtags as ads-service compares them: without the leading {@code #}, lower case, letters, digits
 * and underscores, at most {@value #MAX_LENGTH} characters, at most {@value #MAX_COUNT} per list.
 * Campaign targeting and the viewer's feed context use the same rules, so they compare as equal strings.
 */
public final class Hashtags {

	public static final int MAX_COUNT = 10;

	public static final int MAX_LENGTH = 50;

	/** What one hashtag may look like on input (the {@code #} is optional). */
	public static final String PATTERN = "#?[\\p{L}\\p{N}_]{1," + MAX_LENGTH + "}";

	private static final Pattern SHAPE = Pattern.compile(PATTERN);

	private Hashtags() {
	}

	public static boolean isHashtag(String value) {
		return SHAPE.matcher(value).matches();
	}

	/** Strips the {@code #}, lower-cases and removes duplicates, keeping the first-seen order. */
	public static List<String> normalize(Collection<String> hashtags) {
		Set<String> normalized = new LinkedHashSet<>();
		for (String tag : hashtags) {
			String plain = tag.startsWith("#") ? tag.substring(1) : tag;
			normalized.add(plain.toLowerCase(Locale.ROOT));
		}
		return new ArrayList<>(normalized);
	}
}
