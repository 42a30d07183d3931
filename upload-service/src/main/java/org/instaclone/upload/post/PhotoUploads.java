package org.instaclone.upload.post;

import java.util.List;

import org.instaclone.platform.security.Viewer;
import org.instaclone.upload.media.ImageVariant;
import org.instaclone.upload.media.MediaService;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Publishing a photo: the slow part (checking, decoding, re-encoding) runs outside any transaction,
 * so no database connection waits on pixels; then the files, the post, its event and its fan-out
 * are written in one transaction. If that fails, the files it wrote are removed again unless another
 * post uses them.
 */
@Service
class PhotoUploads {

	private final MediaService media;

	private final PostService posts;

	private final MediaJanitor janitor;

	PhotoUploads(MediaService media, PostService posts, MediaJanitor janitor) {
		this.media = media;
		this.posts = posts;
		this.janitor = janitor;
	}

	PostView publish(Viewer author, String caption, MultipartFile image) {
		List<ImageVariant> variants = media.ingest(image);
		try {
			return posts.publishPhoto(author, caption, variants);
		}
		catch (RuntimeException ex) {
			janitor.release(variants.stream().map(ImageVariant::key).distinct().toList());
			throw ex;
		}
	}
}
