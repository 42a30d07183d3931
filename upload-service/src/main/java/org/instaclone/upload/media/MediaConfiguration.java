package org.instaclone.upload.media;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfiguration {

	@Bean
	ImagePipeline imagePipeline(MediaProperties properties) {
		return new ImagePipeline(properties.maxPixels(), properties.jpegQuality());
	}

	@Bean(destroyMethod = "")
	BlobStore blobStore(MediaProperties properties) {
		return switch (properties.store()) {
			case LOCAL -> new LocalBlobStore(properties.local().root());
			case S3 -> new S3BlobStore(s3Client(properties.s3()), properties.s3().bucket());
		};
	}

	static S3Client s3Client(MediaProperties.S3 s3) {
		S3ClientBuilder builder = S3Client.builder().region(Region.of(s3.region())).forcePathStyle(s3.pathStyle());
		if (s3.endpoint() != null && !s3.endpoint().toString().isEmpty()) {
			builder.endpointOverride(s3.endpoint());
		}
		if (s3.accessKey() != null && !s3.accessKey().isEmpty() && s3.secretKey() != null) {
			builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		return builder.build();
	}
}
