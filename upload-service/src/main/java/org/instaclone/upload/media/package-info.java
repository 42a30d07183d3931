/**
 * Photos: checking and re-encoding uploads ({@link ImagePipeline}), storing the variants by content
 * hash ({@link BlobStore}) and serving them ({@code GET /api/media/{key}}). Knows nothing of posts.
 */
@NullMarked
package org.instaclone.upload.media;

import org.jspecify.annotations.NullMarked;
