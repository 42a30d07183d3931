package org.instaclone.loadtests.seed;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Generated photos for uploads: 1440 x 1080 JPEGs (a phone photo as apps send it, already scaled
 * down; ~1.6 MP) with a gradient, shapes and noise so that they neither compress to nothing nor look
 * alike. Distinct seeds give distinct images (upload-service stores variants by content hash, so
 * identical uploads would share files).
 */
public final class TestPhotos {

	static final int WIDTH = 1440;

	static final int HEIGHT = 1080;

	private TestPhotos() {
	}

	public static List<byte[]> generate(int count, long seed) {
		System.setProperty("java.awt.headless", "true");
		List<byte[]> photos = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			photos.add(photo(new SplittableRandom(seed + i)));
		}
		return photos;
	}

	private static byte[] photo(SplittableRandom random) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, color(random), WIDTH, HEIGHT, color(random)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		for (int i = 0; i < 40; i++) {
			g.setColor(color(random));
			int w = 40 + random.nextInt(400);
			int h = 40 + random.nextInt(400);
			if (random.nextBoolean()) {
				g.fillOval(random.nextInt(WIDTH), random.nextInt(HEIGHT), w, h);
			}
			else {
				g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), w, h);
			}
		}
		g.dispose();
		for (int y = 0; y < HEIGHT; y++) {
			for (int x = 0; x < WIDTH; x++) {
				int rgb = image.getRGB(x, y);
				int noise = random.nextInt(17) - 8;
				image.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + noise) << 16) | (clamp(((rgb >> 8) & 0xff) + noise) << 8)
						| clamp((rgb & 0xff) + noise));
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static Color color(SplittableRandom random) {
		return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
	}

	private static int clamp(int value) {
		return Math.max(0, Math.min(255, value));
	}
}
