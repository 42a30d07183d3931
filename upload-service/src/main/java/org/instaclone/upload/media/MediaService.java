package org.instaclone.upload.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.instaclone.upload.media.ImageRejectedException.Reason;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes an uploaded photo to stored variants. The upload is already a temporary file (the servlet
 * container writes multipart bodies to disk), it is moved to our own temporary file and only ever
 * read from there: the body is never held in memory. Decoding is the memory-hungry step, so at most
 * {@code max-concurrent-decodes} run at once; others wait up to {@code decode-wait}, then get a 503.
 */
@Service
public class MediaService {

	private static final Logger log = LoggerFactory.getLogger(MediaService.class);

	private final ImagePipeline pipeline;

	private final BlobStore store;

	private final long maxBytes;

	private final Semaphore decodeSlots;

	private final Duration decodeWait;

	MediaService(ImagePipeline pipeline, BlobStore store, MediaProperties properties) {
		this.pipeline = pipeline;
		this.store = store;
		this.maxBytes = properties.maxBytes().toBytes();
		this.decodeSlots = new Semaphore(properties.maxConcurrentDecodes(), true);
		this.decodeWait = properties.decodeWait();
	}

	/**
	 * Checks and re-encodes the photo; {@link #store} writes the result.
	 * @return its variants, named by content hash
	 * @throws ImageRejectedException if it is not an image this service accepts
	 * @throws UploadsBusyException if no decode slot came free in time
	 */
	public List<ImageVariant> ingest(MultipartFile upload) {
		if (upload.getSize() > maxBytes) {
			throw tooLarge();
		}
		Path staged = null;
		try {
			staged = Files.createTempFile("instaclone-upload-", ".img");
			upload.transferTo(staged);
			if (Files.size(staged) > maxBytes) {
				throw tooLarge();
			}
			ImagePipeline.Inspected image = pipeline.inspect(staged, upload.getOriginalFilename());
			return decodeInSlot(staged, image);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stage an upload", ex);
		}
		finally {
			deleteQuietly(staged);
		}
	}

	/** Writes the variants to the blob store (idempotent: a key already there holds the same bytes). */
	public void store(List<ImageVariant> variants) {
		for (ImageVariant variant : variants) {
			store.put(variant.key(), variant.jpeg(), MediaType.IMAGE_JPEG_VALUE);
		}
	}

	/** Removes files no post uses any more (the caller knows which). */
	public void delete(Collection<String> keys) {
		for (String key : keys) {
			try {
				store.delete(key);
			}
			catch (RuntimeException ex) {
				// an orphan file costs only space; the post is gone either way
				log.warn("Could not delete media file {}: {}", key, ex.toString());
			}
		}
	}

	private List<ImageVariant> decodeInSlot(Path staged, ImagePipeline.Inspected image) throws IOException {
		boolean acquired;
		try {
			acquired = decodeSlots.tryAcquire(decodeWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UploadsBusyException(decodeWait);
		}
		if (!acquired) {
			throw new UploadsBusyException(decodeWait);
		}
		try {
			return pipeline.variants(staged, image);
		}
		finally {
			decodeSlots.release();
		}
	}

	private ImageRejectedException tooLarge() {
		return new ImageRejectedException(Reason.TOO_LARGE,
				"The image is larger than " + maxBytes / (1024 * 1024) + " MB.");
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete temporary upload {}", file);
		}
	}
}
