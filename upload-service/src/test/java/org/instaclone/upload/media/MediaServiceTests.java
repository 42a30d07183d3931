package org.instaclone.upload.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.instaclone.upload.media.ImageRejectedException.Reason;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaServiceTests {

	@TempDir
	Path dir;

	@Test
	void refusesOneByteOverTheCapBeforeReadingIt() throws IOException {
		MediaService media = service(1, Duration.ofSeconds(1), new ImagePipeline(40_000_000, 0.8f));
		byte[] body = new byte[20 * 1024 * 1024 + 1];
		assertThatThrownBy(() -> media.ingest(new MockMultipartFile("image", "big.jpg", "image/jpeg", body)))
			.isInstanceOfSatisfying(ImageRejectedException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.TOO_LARGE));
		assertThat(stored()).isZero();
	}

	@Test
	void aBurstBeyondTheDecodeSlotsWaitsThenIsTurnedAwayWithNothingStored() throws Exception {
		CountDownLatch decoding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ImagePipeline slow = new ImagePipeline(40_000_000, 0.8f) {
			@Override
			List<ImageVariant> variants(Path file, Inspected image) throws IOException {
				decoding.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return super.variants(file, image);
			}
		};
		MediaService media = service(1, Duration.ofMillis(200), slow);
		byte[] jpeg = TestImages.jpeg(100, 100);
		CompletableFuture<List<ImageVariant>> first = CompletableFuture
			.supplyAsync(() -> {
				List<ImageVariant> variants = media.ingest(new MockMultipartFile("image", "a.jpg", "image/jpeg", jpeg));
				media.store(variants);
				return variants;
			});
		assertThat(decoding.await(10, TimeUnit.SECONDS)).isTrue();

		long start = System.nanoTime();
		assertThatThrownBy(() -> media.ingest(new MockMultipartFile("image", "b.jpg", "image/jpeg", jpeg)))
			.isInstanceOf(UploadsBusyException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
		assertThat(stored()).isZero();

		release.countDown();
		List<ImageVariant> variants = first.get(10, TimeUnit.SECONDS);
		assertThat(variants).hasSize(4);
		// 100 px wide: the three width variants are the same picture, hence one file, plus the thumbnail
		assertThat(stored()).isEqualTo(variants.stream().map(ImageVariant::key).distinct().count()).isEqualTo(2);
		// the slot is free again
		assertThat(media.ingest(new MockMultipartFile("image", "c.jpg", "image/jpeg", TestImages.jpeg(120, 100)))).hasSize(4);
	}

	private MediaService service(int slots, Duration wait, ImagePipeline pipeline) {
		MediaProperties properties = new MediaProperties(DataSize.ofMegabytes(20), 40_000_000, slots, wait, 0.8f,
				MediaProperties.Store.LOCAL, new MediaProperties.Local(dir), new MediaProperties.S3("b", "us-east-1", null,
						true, null, null));
		return new MediaService(pipeline, new LocalBlobStore(dir), properties);
	}

	private long stored() throws IOException {
		try (var files = java.nio.file.Files.list(dir)) {
			return files.count();
		}
	}
}
