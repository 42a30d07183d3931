package org.instaclone.upload.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.jspecify.annotations.Nullable;

import org.instaclone.upload.media.ImageRejectedException.Reason;
import org.instaclone.upload.media.ImageVariant.Kind;

/**
 * Turns an uploaded file into the JPEG variants the app shows, or refuses it. In order: the real type
 * from the first bytes, the file name, the pixel count from the header (before any pixel is decoded),
 * then one decode, subsampled to the least the largest variant needs, the EXIF orientation applied to
 * the pixels, and fresh JPEGs written from bare pixels: no metadata of the upload (GPS, camera,
 * comments, ICC, thumbnails) can survive. Thread-safe; callers bound concurrency ({@link MediaService}).
 */
class ImagePipeline {

	private final long maxPixels;

	private final float jpegQuality;

	ImagePipeline(long maxPixels, float jpegQuality) {
		this.maxPixels = maxPixels;
		this.jpegQuality = jpegQuality;
	}

	/** Cheap checks that need no pixels: type, name, size in pixels. */
	Inspected inspect(Path file, @Nullable String fileName) throws IOException {
		if (Files.size(file) == 0) {
			throw new ImageRejectedException(Reason.EMPTY, "The image file is empty.");
		}
		ImageType type = ImageType.sniff(file)
			.orElseThrow(() -> new ImageRejectedException(Reason.UNSUPPORTED_TYPE,
					"Only JPEG, PNG and WebP images are accepted, and this file is none of them."));
		FileNames.check(fileName, type);
		int width;
		int height;
		ImageReader reader = readerFor(type);
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			reader.setInput(in, true, true);
			width = reader.getWidth(0);
			height = reader.getHeight(0);
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(type);
		}
		finally {
			reader.dispose();
		}
		if (width <= 0 || height <= 0) {
			throw unreadable(type);
		}
		if ((long) width * height > maxPixels) {
			throw new ImageRejectedException(Reason.TOO_MANY_PIXELS, "The image is " + width + "x" + height
					+ " pixels; at most " + maxPixels / 1_000_000 + " megapixels are accepted.");
		}
		return new Inspected(type, width, height, Orientation.of(file));
	}

	/** Decodes once and encodes every variant. The memory-heavy part: run it inside a decode slot. */
	List<ImageVariant> variants(Path file, Inspected image) throws IOException {
		BufferedImage current = Orientation.upright(decode(file, image), image.orientation());
		List<ImageVariant> variants = new ArrayList<>(4);
		BufferedImage w640 = current;
		// each width is scaled from the one before: cheap, and the decoded original can be dropped early
		for (Kind kind : List.of(Kind.W1080, Kind.W640, Kind.W320)) {
			int width = Math.min(kind.size, image.uprightWidth());
			int height = Math.max(1, Math.round((float) width * image.uprightHeight() / image.uprightWidth()));
			current = scale(current, width, height);
			variants.add(encode(kind, current));
			if (kind == Kind.W640) {
				w640 = current;
			}
		}
		// the square thumbnail: the centre of the 640 variant, scaled to 150 x 150
		int side = Math.min(w640.getWidth(), w640.getHeight());
		BufferedImage square = w640.getSubimage((w640.getWidth() - side) / 2, (w640.getHeight() - side) / 2, side, side);
		variants.add(encode(Kind.THUMB150, scale(square, Kind.THUMB150.size, Kind.THUMB150.size)));
		return variants;
	}

	private BufferedImage decode(Path file, Inspected image) {
		ImageReader reader = readerFor(image.type());
		List<String> fatal = new ArrayList<>();
		reader.addIIOReadWarningListener(truncationWatcher(fatal));
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			reader.setInput(in, true, true);
			ImageReadParam param = reader.getDefaultReadParam();
			int step = subsampling(image);
			if (step > 1) {
				param.setSourceSubsampling(step, step, 0, 0);
			}
			BufferedImage decoded = reader.read(0, param);
			if (!fatal.isEmpty()) {
				throw unreadable(image.type());
			}
			return decoded;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImageRejectedException rejected) {
				throw rejected;
			}
			throw unreadable(image.type());
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * The largest whole-number step that still leaves at least 1080 px across (upright) and 150 px on
	 * the short side: a 12 MP photo decodes to about 1.3 MP instead of 12.
	 */
	static int subsampling(Inspected image) {
		int across = image.uprightWidth() / Kind.W1080.size;
		int shortSide = Math.min(image.width(), image.height()) / Kind.THUMB150.size;
		return Math.max(1, Math.min(across, shortSide));
	}

	/** The JDK's JPEG reader only warns about a file that ends early, then paints the rest grey. */
	private static IIOReadWarningListener truncationWatcher(List<String> fatal) {
		return (source, warning) -> {
			if (warning != null && warning.toLowerCase(java.util.Locale.ROOT).contains("premature end")) {
				fatal.add(warning);
			}
		};
	}

	/** Progressive halving with bilinear steps, then one last step: sharp enough, and fast. */
	static BufferedImage scale(BufferedImage source, int width, int height) {
		BufferedImage current = source;
		do {
			int w = current.getWidth() / 2 >= width ? current.getWidth() / 2 : width;
			int h = current.getHeight() / 2 >= height ? current.getHeight() / 2 : height;
			current = draw(current, w, h);
		}
		while (current.getWidth() != width || current.getHeight() != height);
		return current;
	}

	/** Always a fresh {@code TYPE_INT_RGB}; transparent pixels (PNG, WebP) become white, not black. */
	private static BufferedImage draw(BufferedImage source, int width, int height) {
		BufferedImage next = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = next.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return next;
	}

	/** A fresh baseline JPEG from bare pixels: JFIF header only, no EXIF, XMP, ICC or comments. */
	private ImageVariant encode(Kind kind, BufferedImage pixels) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(jpegQuality);
			writer.write(null, new IIOImage(pixels, null, null), param);
		}
		finally {
			writer.dispose();
		}
		byte[] jpeg = bytes.toByteArray();
		return new ImageVariant(kind, MediaKeys.of(jpeg), pixels.getWidth(), pixels.getHeight(), jpeg);
	}

	private static ImageReader readerFor(ImageType type) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + type + " on the class path");
		}
		return readers.next();
	}

	private static ImageRejectedException unreadable(ImageType type) {
		return new ImageRejectedException(Reason.UNREADABLE,
				"The file starts like a " + type + " image but cannot be decoded (truncated or corrupt).");
	}

	/**
	 * What the header says.
	 *
	 * @param orientation EXIF orientation 1..8
	 */
	record Inspected(ImageType type, int width, int height, int orientation) {

		int uprightWidth() {
			return Orientation.swapsAxes(orientation) ? height : width;
		}

		int uprightHeight() {
			return Orientation.swapsAxes(orientation) ? width : height;
		}
	}
}
