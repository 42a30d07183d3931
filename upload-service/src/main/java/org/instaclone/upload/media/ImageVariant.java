package org.instaclone.upload.media;

/**
 * One re-encoded JPEG of an upload.
 *
 * @param kind which variant
 * @param key its content-hash name in the blob store
 * @param width pixels
 * @param height pixels
 * @param jpeg the encoded bytes (a few hundred KB at most)
 */
public record ImageVariant(Kind kind, String key, int width, int height, byte[] jpeg) {

	/** The variants every photo gets: three widths (never upscaled) and a square thumbnail. */
	public enum Kind {

		W1080(1080), W640(640), W320(320), THUMB150(150);

		/** Target width (for the thumbnail: width and height). */
		public final int size;

		Kind(int size) {
			this.size = size;
		}

		/** How the kind is named in the API and the database. */
		public String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ImageVariant v && v.kind == kind && v.key.equals(key);
	}

	@Override
	public int hashCode() {
		return kind.hashCode() * 31 + key.hashCode();
	}

	@Override
	public String toString() {
		return "ImageVariant[" + kind + ", " + key + ", " + width + "x" + height + ", " + jpeg.length + " bytes]";
	}
}
