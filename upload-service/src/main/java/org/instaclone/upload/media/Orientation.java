package org.instaclone.upload.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;

/**
 * EXIF orientation (1..8): how the camera says the stored pixels must be turned to be seen upright.
 * Re-encoding drops all metadata, orientation included, so the pixels are turned instead.
 */
final class Orientation {

	static final int NORMAL = 1;

	private Orientation() {
	}

	/** The file's EXIF orientation, or {@link #NORMAL} when it has none or it cannot be read. */
	static int of(Path file) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
			ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
				int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
				return value >= 1 && value <= 8 ? value : NORMAL;
			}
		}
		catch (Exception ex) {
			// broken or absent metadata is not a reason to refuse pixels that decode
		}
		return NORMAL;
	}

	/** Orientations 5..8 turn the image by 90 degrees: width and height swap. */
	static boolean swapsAxes(int orientation) {
		return orientation >= 5;
	}

	/** The image as it should be seen, always {@code TYPE_INT_RGB}. */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation == NORMAL) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		AffineTransform t = new AffineTransform();
		switch (orientation) {
			case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
			case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
			case 4 -> { t.translate(0, h); t.scale(1, -1); }
			case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
			case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
			case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
			case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
			default -> { return image; }
		}
		boolean swap = swapsAxes(orientation);
		BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.drawImage(image, t, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}
}
