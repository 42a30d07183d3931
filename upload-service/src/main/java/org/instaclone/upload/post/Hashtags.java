package org.instaclone.upload.post;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashtags in a caption: {@code #} then letters, digits or underscores (any script), not glued to a
 * word before it ({@code a#b} is not a tag). Lower-cased; at most {@value #MAX_PER_POST} per post and
 * {@value #MAX_LENGTH} characters each (longer ones are ignored).
 */
final class Hashtags {

	static final int MAX_PER_POST = 30;

	static final int MAX_LENGTH = 100;

	/** What a tag may look like in a query ({@code ?hashtag=}), with or without the leading '#'. */
	static final String QUERY_PATTERN = "#?[\\p{L}\\p{N}_]{1,100}";

	private static final Pattern TAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#([\\p{L}\\p{N}_]+)");

	private Hashtags() {
	}

	static Set<String> in(String caption) {
		Set<String> tags = new LinkedHashSet<>();
		Matcher m = TAG.matcher(caption);
		while (m.find() && tags.size() < MAX_PER_POST) {
			String tag = m.group(1);
			if (tag.length() <= MAX_LENGTH) {
				tags.add(normalise(tag));
			}
		}
		return tags;
	}

	static String normalise(String tag) {
		return (tag.startsWith("#") ? tag.substring(1) : tag).toLowerCase(Locale.ROOT);
	}
}
