package org.instaclone.upload.media;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.instaclone.upload.media.ImageRejectedException.Reason;

/**
 * The client's file name is never used to store anything (files are named by content hash), but a
 * name that lies about the content or tries path tricks marks a hostile or broken client, so it is
 * refused rather than silently ignored.
 */
final class FileNames {

	static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	static void check(@Nullable String name, ImageType type) {
		if (name == null || name.isEmpty()) {
			return;
		}
		if (name.length() > MAX_LENGTH) {
			throw new ImageRejectedException(Reason.INVALID_FILE_NAME,
					"The file name is longer than " + MAX_LENGTH + " characters.");
		}
		if (name.contains("/") || name.contains("\\") || name.contains("..")
				|| name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new ImageRejectedException(Reason.INVALID_FILE_NAME,
					"The file name must be a plain name: no folders, '..' or control characters.");
		}
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			return;
		}
		String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (!type.extensions.contains(extension)) {
			throw new ImageRejectedException(Reason.UNSUPPORTED_TYPE, "The file is a " + type.name()
					+ " image but its name ends in '." + extension + "'; name it ." + type.extensions.iterator().next() + ".");
		}
	}
}
