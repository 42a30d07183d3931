package org.instaclone.upload.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Image files for tests, made on the fly (and the two committed fixtures under /images). */
public final class TestImages {

	private TestImages() {
	}

	/** Left half red, right half blue; noisy enough that JPEG does not compress it to nothing. */
	public static BufferedImage redLeftBlueRight(int width, int height) {
		BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int noise = random.nextInt(16);
				img.setRGB(x, y, x < width / 2 ? (0xf0 + noise) << 16 : 0xf0 + noise);
			}
		}
		return img;
	}

	public static byte[] jpeg(int width, int height) {
		return write(redLeftBlueRight(width, height), "jpg");
	}

	public static byte[] png(int width, int height) {
		return write(redLeftBlueRight(width, height), "png");
	}

	/** A half-transparent PNG: transparent pixels must come out white. */
	public static byte[] transparentPng(int width, int height) {
		BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				img.setRGB(x, y, x < width / 2 ? 0x00000000 : 0xff0000ff);
			}
		}
		return write(img, "png");
	}

	public static byte[] write(BufferedImage img, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(img, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] truncated(byte[] file) {
		return Arrays.copyOf(file, file.length * 6 / 10);
	}

	/** A valid PNG header claiming 65535 x 65535 pixels (4.3 gigapixels) in a file of a few dozen bytes. */
	public static byte[] pixelFloodPng() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(65535).putInt(65535).put((byte) 8).put((byte) 2)
			.put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	public static byte[] svg() {
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>"
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Valid as GIF header and as JavaScript; GIF is not accepted at all. */
	public static byte[] gifJavaScriptPolyglot() {
		return "GIF89a/*\u0000\u0000*/=1;alert(document.cookie);//<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1);
	}

	/** Starts with the JPEG magic, then is an HTML page. */
	public static byte[] jpegHtmlPolyglot() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0 });
		out.writeBytes("<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	public static byte[] zip() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("photo.jpg"));
			zip.write(jpeg(10, 10));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	public static byte[] fixture(String name) {
		try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
