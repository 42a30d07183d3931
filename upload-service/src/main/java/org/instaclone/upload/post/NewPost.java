package org.instaclone.upload.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/posts}. The author is the signed-in user, never a field. */
record NewPost(@NotBlank @Size(max = 2200) String caption) {
}
