package org.instaclone.integrations.app;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Page;
import org.instaclone.platform.security.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/integrations/apps")
class AppController {

	private final Apps apps;

	AppController(Apps apps) {
		this.apps = apps;
	}

	@PostMapping
	ResponseEntity<AppView> register(Viewer viewer, @Valid @RequestBody AppRequests.NewApp request) {
		AppView app = apps.register(viewer.id(), request);
		return ResponseEntity.created(URI.create("/api/integrations/apps/" + app.id())).body(app);
	}

	@GetMapping
	Page<AppView> list(Viewer viewer, @RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return apps.list(viewer.id(), cursor, limit);
	}

	@GetMapping("/{id}")
	AppView find(Viewer viewer, @PathVariable UUID id) {
		return apps.find(viewer.id(), id);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		apps.delete(viewer.id(), id);
		return ResponseEntity.noContent().build();
	}
}
