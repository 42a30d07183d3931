package org.instaclone.upload.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The image types accepted as uploads, recognised by their first bytes (never by name or header). */
enum ImageType {

	JPEG("jpeg", Set.of("jpg", "jpeg")), PNG("png", Set.of("png")), WEBP("webp", Set.of("webp"));

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** The ImageIO format name whose reader decodes it. */
	final String format;

	final Set<String> extensions;

	ImageType(String format, Set<String> extensions) {
		this.format = format;
		this.extensions = extensions;
	}

	static Optional<ImageType> sniff(Path file) throws IOException {
		byte[] head = new byte[12];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		if (n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
			return Optional.of(JPEG);
		}
		if (n >= 8 && Arrays.equals(head, 0, 8, PNG_SIGNATURE, 0, 8)) {
			return Optional.of(PNG);
		}
		if (n == 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F' && head[8] == 'W'
				&& head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}
}
