package org.instaclone.upload.media;

import java.util.Optional;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph, ...). Variants are small (a few hundred KB), so a read
 * fetches the whole object; the HTTP layer then serves ranges and conditional requests from it.
 */
class S3BlobStore implements BlobStore {

	private final S3Client s3;

	private final String bucket;

	S3BlobStore(S3Client s3, String bucket) {
		this.s3 = s3;
		this.bucket = bucket;
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) {
		s3.putObject(b -> b.bucket(bucket).key(check(key)).contentType(contentType), RequestBody.fromBytes(bytes));
	}

	@Override
	public Optional<Resource> find(String key) {
		try {
			ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(check(key)));
			return Optional.of(new ByteArrayResource(object.asByteArrayUnsafe()));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void delete(String key) {
		s3.deleteObject(b -> b.bucket(bucket).key(check(key)));
	}

	private static String check(String key) {
		if (!MediaKeys.isValid(key)) {
			throw new IllegalArgumentException("Not a media key");
		}
		return key;
	}
}
