package org.instaclone.upload.media;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and storage of uploaded photos ({@code instaclone.media.*}).
 *
 * @param maxBytes largest accepted upload; keep {@code spring.servlet.multipart.max-file-size} equal
 * @param maxPixels largest accepted width x height, read from the file header before decoding
 * @param maxConcurrentDecodes how many uploads are decoded and re-encoded at once (each holds a few
 * tens of MB of pixels)
 * @param decodeWait how long an upload waits for a decode slot before it is answered 503
 * @param jpegQuality quality of the re-encoded JPEG variants (0..1)
 * @param store {@code local} (a folder) or {@code s3} (an S3-compatible bucket)
 * @param local the folder of the local store
 * @param s3 the S3-compatible store
 */
@ConfigurationProperties("instaclone.media")
@Validated
public record MediaProperties(@DefaultValue("20MB") DataSize maxBytes, @DefaultValue("40000000") @Min(1) long maxPixels,
		@DefaultValue("2") @Min(1) int maxConcurrentDecodes, @DefaultValue("5s") Duration decodeWait,
		@DefaultValue("0.82") @DecimalMin("0.1") @DecimalMax("1.0") float jpegQuality, @DefaultValue("local") Store store,
		@DefaultValue Local local, @DefaultValue S3 s3) {

	public enum Store {
		LOCAL, S3
	}

	/** @param root folder holding one file per media key */
	public record Local(@DefaultValue("data/media") Path root) {
	}

	/**
	 * @param bucket bucket name
	 * @param region region (any value for most S3-compatible servers)
	 * @param endpoint endpoint of an S3-compatible server; unset for AWS itself
	 * @param pathStyle path-style addressing (MinIO, S3Mock)
	 * @param accessKey access key; unset to use the AWS default credentials chain
	 * @param secretKey secret key for {@code accessKey}; never logged
	 */
	public record S3(@DefaultValue("instaclone-media") String bucket, @DefaultValue("us-east-1") String region,
			@Nullable URI endpoint, @DefaultValue("false") boolean pathStyle, @Nullable String accessKey,
			@Nullable String secretKey) {

		@Override
		public String toString() {
			return "S3[bucket=" + bucket + ", region=" + region + ", endpoint=" + endpoint + ", pathStyle=" + pathStyle
					+ "]";
		}
	}
}
