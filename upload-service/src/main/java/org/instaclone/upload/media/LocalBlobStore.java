package org.instaclone.upload.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** One file per key in one folder. Writes go to a temporary file first, then move into place atomically. */
class LocalBlobStore implements BlobStore {

	private final Path root;

	LocalBlobStore(Path root) {
		try {
			this.root = Files.createDirectories(root).toAbsolutePath().normalize();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the media folder " + root, ex);
		}
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) {
		Path target = resolve(key);
		if (Files.exists(target)) {
			return;
		}
		try {
			Path temp = Files.createTempFile(root, ".incoming-", ".tmp");
			try {
				Files.write(temp, bytes);
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store media file " + key, ex);
		}
	}

	@Override
	public Optional<Resource> find(String key) {
		Path file = resolve(key);
		return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(resolve(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete media file " + key, ex);
		}
	}

	/** Keys are checked against {@link MediaKeys} first, so no key can leave the folder. */
	private Path resolve(String key) {
		if (!MediaKeys.isValid(key)) {
			throw new IllegalArgumentException("Not a media key");
		}
		return root.resolve(key);
	}
}
