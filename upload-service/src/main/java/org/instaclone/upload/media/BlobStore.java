package org.instaclone.upload.media;

import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Where media files live, by key. Keys are content hashes, so writing a key twice writes the same
 * bytes and {@link #put} is idempotent. Implementations: {@link LocalBlobStore} (a folder; the default,
 * a volume in containers) and {@link S3BlobStore} (any S3-compatible store).
 */
interface BlobStore {

	void put(String key, byte[] bytes, String contentType);

	/** The file, able to report its length and open it more than once (range requests). */
	Optional<Resource> find(String key);

	void delete(String key);
}
