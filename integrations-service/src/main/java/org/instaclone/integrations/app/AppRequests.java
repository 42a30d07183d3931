package org.instaclone.integrations.app;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

final class AppRequests {

	private AppRequests() {
	}

	/** Body of {@code POST /api/integrations/apps}. */
	record NewApp(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 500) String description,
			@Nullable @Size(max = 2048) @Pattern(regexp = "(?i)https?://[^\\s/?#@]+([/?#]\\S*)?",
					message = "must be an absolute http or https URL") String homepageUrl) {
	}
}
