package org.instaclone.upload.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Media files are named by the SHA-256 of their bytes: {@code <64 hex digits>.jpg}. */
public final class MediaKeys {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}\\.jpg");

	private MediaKeys() {
	}

	static String of(byte[] jpeg) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)) + ".jpg";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	static boolean isValid(String key) {
		return KEY.matcher(key).matches();
	}

	/** Where clients fetch the file. */
	public static String url(String key) {
		return "/api/media/" + key;
	}

	/** The strong entity tag: the content hash itself. */
	static String etag(String key) {
		return "\"" + key.substring(0, 64) + "\"";
	}
}
