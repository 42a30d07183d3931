package org.instaclone.upload.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/**
 * The photo pipeline under load, in one JVM: {@link MediaService#ingest} and {@link MediaService#store} (stage to disk, sniff, header
 * check, subsampled decode, orientation, four JPEG encodes, content hashes, local blob store) with the
 * service's defaults (2 decode slots). Not a unit test: run {@code upload-service/bench/pipeline.sh}.
 * HTTP, multipart parsing and the database insert are not included; they cost milliseconds next to
 * the decode.
 */
public final class PipelineBenchmark {

	public static void main(String[] args) throws Exception {
		int alone = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		int sustained = args.length > 1 ? Integer.parseInt(args[1]) : 60;
		int uploaders = args.length > 2 ? Integer.parseInt(args[2]) : 10;
		byte[] photo = twelveMegapixelJpeg();
		System.out.printf("input: 4000x3000 JPEG, %.1f MB; heap max %d MiB; %d cores%n", photo.length / 1e6,
				Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
		Path dir = Files.createTempDirectory("pipeline-bench");
		HeapWatcher heap = new HeapWatcher();
		heap.start();

		MediaService media = service(dir, 2, Duration.ofSeconds(5));
		for (int i = 0; i < 5; i++) {
			media.store(media.ingest(file(photo))); // JIT warm-up
		}
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < alone; i++) {
			long start = System.nanoTime();
			media.store(media.ingest(file(photo)));
			times.add(System.nanoTime() - start);
		}
		System.out.printf("alone (%d sequential): %s%n", alone, stats(times));

		for (Duration wait : List.of(Duration.ofSeconds(30), Duration.ofSeconds(5))) {
			MediaService queued = service(dir, 2, wait);
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			AtomicInteger busy = new AtomicInteger();
			AtomicInteger failed = new AtomicInteger();
			AtomicInteger next = new AtomicInteger();
			heap.reset();
			ExecutorService pool = Executors.newFixedThreadPool(uploaders);
			long start = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (int u = 0; u < uploaders; u++) {
				done.add(pool.submit(() -> {
					while (next.getAndIncrement() < sustained) {
						long t = System.nanoTime();
						try {
							queued.store(queued.ingest(file(photo)));
							latencies.add(System.nanoTime() - t);
						}
						catch (UploadsBusyException ex) {
							busy.incrementAndGet();
						}
						catch (RuntimeException ex) {
							failed.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			pool.shutdown();
			System.out.printf(
					"%d uploaders, %d uploads, decode-wait %ss: %.2f uploads/s, ok %d, busy(503) %d, failed %d, latency %s, heap used: peak %d MiB (incl. garbage), peak after GC %d MiB%n",
					uploaders, sustained, wait.toSeconds(), latencies.size() / seconds, latencies.size(), busy.get(),
					failed.get(), stats(latencies), heap.max() >> 20, heap.maxAfterGc() >> 20);
		}
		heap.interrupt();
		try (var files = Files.list(dir)) {
			files.forEach(f -> f.toFile().delete());
		}
		Files.delete(dir);
	}

	private static MediaService service(Path dir, int slots, Duration wait) {
		MediaProperties properties = new MediaProperties(DataSize.ofMegabytes(20), 40_000_000, slots, wait, 0.82f,
				MediaProperties.Store.LOCAL, new MediaProperties.Local(dir),
				new MediaProperties.S3("b", "us-east-1", null, false, null, null));
		return new MediaService(new ImagePipeline(properties.maxPixels(), properties.jpegQuality()),
				new LocalBlobStore(dir), properties);
	}

	private static MockMultipartFile file(byte[] photo) {
		return new MockMultipartFile("image", "photo.jpg", "image/jpeg", photo);
	}

	/** Smooth gradients plus sensor-like noise, encoded so that it lands near 5 MB like a phone photo. */
	static byte[] twelveMegapixelJpeg() throws IOException {
		BufferedImage img = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(7);
		for (int y = 0; y < 3000; y++) {
			for (int x = 0; x < 4000; x++) {
				int r = clamp(x * 255 / 4000 + random.nextInt(48) - 24);
				int g = clamp(y * 255 / 3000 + random.nextInt(48) - 24);
				int b = clamp(128 + (int) (60 * Math.sin(x / 90.0) * Math.cos(y / 70.0)) + random.nextInt(48) - 24);
				img.setRGB(x, y, r << 16 | g << 8 | b);
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.92f);
			writer.write(null, new IIOImage(img, null, null), param);
		}
		writer.dispose();
		return out.toByteArray();
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

	private static String stats(List<Long> nanos) {
		if (nanos.isEmpty()) {
			return "-";
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return String.format("p50 %d ms, p95 %d ms, max %d ms", ms(sorted, 0.50), ms(sorted, 0.95),
				sorted.get(sorted.size() - 1) / 1_000_000);
	}

	private static long ms(List<Long> sorted, double q) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1_000_000;
	}

	/** Samples heap use every 20 ms. */
	static final class HeapWatcher extends Thread {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final AtomicLong max = new AtomicLong();

		private final AtomicLong maxAfterGc = new AtomicLong();

		HeapWatcher() {
			setDaemon(true);
			// heap in use right after each collection: the live set plus what survived, without garbage
			for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
					if (notification.getType().equals(
							com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
						var info = com.sun.management.GarbageCollectionNotificationInfo
							.from((javax.management.openmbean.CompositeData) notification.getUserData());
						long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
							.mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
						maxAfterGc.accumulateAndGet(after, Math::max);
					}
				}, null, null);
			}
		}

		@Override
		public void run() {
			while (!isInterrupted()) {
				max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		long max() {
			return max.get();
		}

		long maxAfterGc() {
			return maxAfterGc.get();
		}

		void reset() {
			max.set(0);
			maxAfterGc.set(0);
		}
	}
}
