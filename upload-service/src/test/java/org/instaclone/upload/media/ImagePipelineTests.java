package org.instaclone.upload.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.instaclone.upload.media.ImageRejectedException.Reason;
import org.instaclone.upload.media.ImageVariant.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImagePipelineTests {

	final ImagePipeline pipeline = new ImagePipeline(40_000_000, 0.82f);

	@TempDir
	Path dir;

	@Test
	void makesThreeWidthsAndASquareThumbnailNeverUpscaled() throws Exception {
		List<ImageVariant> variants = process(TestImages.jpeg(2000, 1500), "photo.jpg");
		assertThat(variants).extracting(ImageVariant::kind).containsExactly(Kind.W1080, Kind.W640, Kind.W320, Kind.THUMB150);
		assertThat(variants).extracting(v -> v.width() + "x" + v.height())
			.containsExactly("1080x810", "640x480", "320x240", "150x150");
		for (ImageVariant v : variants) {
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(v.jpeg()));
			assertThat(decoded.getWidth()).isEqualTo(v.width());
			assertThat(decoded.getHeight()).isEqualTo(v.height());
			assertThat(v.key()).isEqualTo(MediaKeys.of(v.jpeg())).matches("[0-9a-f]{64}\\.jpg");
		}

		List<ImageVariant> small = process(TestImages.png(500, 250), "small.png");
		assertThat(small).extracting(v -> v.width() + "x" + v.height())
			.containsExactly("500x250", "500x250", "320x160", "150x150");
	}

	@Test
	void appliesTheExifOrientationAndStripsAllMetadataIncludingGps() throws Exception {
		byte[] upload = TestImages.fixture("oriented-6-gps.jpg");
		assertThat(gps(upload)).isNotNull(); // the fixture really carries a location

		List<ImageVariant> variants = process(upload, "IMG_0001.JPG");

		ImageVariant largest = variants.get(0);
		// stored 400x200 red-left, orientation 6: seen 200x400 with red on top
		assertThat(largest.width() + "x" + largest.height()).isEqualTo("200x400");
		BufferedImage seen = ImageIO.read(new ByteArrayInputStream(largest.jpeg()));
		assertThat(red(seen.getRGB(100, 50))).isGreaterThan(200);
		assertThat(blue(seen.getRGB(100, 350))).isGreaterThan(200);
		for (ImageVariant v : variants) {
			assertThat(gps(v.jpeg())).isNull();
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(v.jpeg()));
			assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
			assertThat(new String(v.jpeg(), StandardCharsets.ISO_8859_1)).doesNotContain("InstacloneTestCam")
				.doesNotContain("Secret Person")
				.doesNotContain("Exif");
		}
	}

	@Test
	void readsWebPAndTurnsTransparencyWhite() throws Exception {
		assertThat(process(TestImages.fixture("red-left.webp"), "a.webp").get(0).width()).isEqualTo(400);

		BufferedImage out = ImageIO.read(new ByteArrayInputStream(process(TestImages.transparentPng(300, 300), null).get(0).jpeg()));
		int left = out.getRGB(10, 150);
		assertThat(red(left)).isGreaterThan(240);
		assertThat(blue(left)).isGreaterThan(240);
	}

	@Test
	void decodesOnlyWhatTheLargestVariantNeeds() {
		assertThat(ImagePipeline.subsampling(new ImagePipeline.Inspected(ImageType.JPEG, 4000, 3000, 1))).isEqualTo(3);
		assertThat(ImagePipeline.subsampling(new ImagePipeline.Inspected(ImageType.JPEG, 3000, 4000, 6))).isEqualTo(3);
		assertThat(ImagePipeline.subsampling(new ImagePipeline.Inspected(ImageType.JPEG, 1000, 800, 1))).isEqualTo(1);
		// a panorama keeps enough rows for the thumbnail
		assertThat(ImagePipeline.subsampling(new ImagePipeline.Inspected(ImageType.JPEG, 12000, 400, 1))).isEqualTo(2);
	}

	@Test
	void refusesAPixelFloodFromItsHeaderBeforeDecoding() {
		byte[] flood = TestImages.pixelFloodPng();
		assertThat(flood.length).isLessThan(100);
		assertRejected(flood, "flood.png", Reason.TOO_MANY_PIXELS);
	}

	@Test
	void refusesFilesThatAreNotAcceptedImages() {
		assertRejected(new byte[0], "empty.jpg", Reason.EMPTY);
		assertRejected(TestImages.svg(), "logo.svg", Reason.UNSUPPORTED_TYPE);
		assertRejected(TestImages.svg(), "logo.jpg", Reason.UNSUPPORTED_TYPE);
		assertRejected(TestImages.gifJavaScriptPolyglot(), "cat.gif", Reason.UNSUPPORTED_TYPE);
		assertRejected(TestImages.zip(), "photos.zip", Reason.UNSUPPORTED_TYPE);
		assertRejected(TestImages.jpegHtmlPolyglot(), "page.jpg", Reason.UNREADABLE);
		assertRejected(TestImages.truncated(TestImages.jpeg(800, 600)), "cut.jpg", Reason.UNREADABLE);
		assertRejected(TestImages.truncated(TestImages.png(800, 600)), "cut.png", Reason.UNREADABLE);
	}

	@Test
	void refusesNamesThatLieOrPlayPathTricks() {
		byte[] jpeg = TestImages.jpeg(50, 50);
		assertRejected(TestImages.png(50, 50), "photo.jpg", Reason.UNSUPPORTED_TYPE);
		assertRejected(jpeg, "shell.jpg.php", Reason.UNSUPPORTED_TYPE);
		assertRejected(jpeg, "../../etc/cron.d/x.jpg", Reason.INVALID_FILE_NAME);
		assertRejected(jpeg, "..\\x.jpg", Reason.INVALID_FILE_NAME);
		assertRejected(jpeg, "a\u0000.jpg", Reason.INVALID_FILE_NAME);
		assertRejected(jpeg, "x".repeat(256) + ".jpg", Reason.INVALID_FILE_NAME);
	}

	private void assertRejected(byte[] file, @Nullable String name, Reason reason) {
		assertThatThrownBy(() -> process(file, name)).isInstanceOfSatisfying(ImageRejectedException.class,
				ex -> assertThat(ex.reason()).as(name).isEqualTo(reason));
	}

	private List<ImageVariant> process(byte[] file, @Nullable String name) throws IOException {
		Path upload = Files.write(Files.createTempFile(dir, "upload", ".bin"), file);
		return pipeline.variants(upload, pipeline.inspect(upload, name));
	}

	private static @Nullable Directory gps(byte[] jpeg) throws Exception {
		return ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg)).getFirstDirectoryOfType(GpsDirectory.class);
	}

	private static int red(int rgb) {
		return (rgb >> 16) & 0xff;
	}

	private static int blue(int rgb) {
		return rgb & 0xff;
	}
}
