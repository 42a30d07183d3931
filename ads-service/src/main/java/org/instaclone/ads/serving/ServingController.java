package org.instaclone.ads.serving;

import io.swagger.v3.oas.annotations.Operation;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.instaclone.ads.campaign.Hashtags;
import org.instaclone.platform.security.Viewer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the client calls beside the feed: ad slots for the signed-in viewer, "seen" reports and taps.
 * The feed never waits for these calls; a client that gets no answer shows the feed without ads.
 */
@RestController
class ServingController {

	static final int MAX_SLOTS = 10;

	private final ServingService service;

	private final Clock clock;

	ServingController(ServingService service, Clock clock) {
		this.service = service;
		this.clock = clock;
	}

	/**
	 * @param hashtags the viewer's interests as the client knows them from the feed it is showing (the
	 * hashtags of the posts around the slots), comma-separated, at most 10; targeted campaigns match
	 * any of them. Absent: only untargeted campaigns qualify.
	 */
	@Operation(summary = "Up to `slots` (1..10) ads for the viewer, each with a fresh impression id")
	@GetMapping("/api/ads/placements")
	ResponseEntity<Placement.Placements> placements(Viewer viewer,
			@RequestParam @Min(1) @Max(MAX_SLOTS) int slots,
			@RequestParam(required = false) @Nullable @Size(max = Hashtags.MAX_COUNT) List<@NotNull @Pattern(
					regexp = Hashtags.PATTERN) String> hashtags) {
		List<Placement> placements = service.place(viewer.id(), slots,
				Hashtags.normalize(hashtags == null ? List.of() : hashtags), clock.instant());
		// every answer is personal and records what it served: never cached anywhere
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Placement.Placements(placements));
	}

	/** Idempotent: the first report counts (and charges), retries answer the same and change nothing. */
	@Operation(summary = "Report an ad as seen (idempotent; the first report charges the campaign)")
	@PostMapping("/api/ads/impressions/{impressionId}")
	ResponseEntity<Void> impression(Viewer viewer, @PathVariable UUID impressionId) {
		service.recordImpression(viewer.id(), impressionId, clock.instant());
		return ResponseEntity.noContent().build();
	}

	/** Redirects to the campaign's stored call-to-action URL; the request cannot choose the target. */
	@Operation(summary = "Count a tap and redirect to the campaign's own URL")
	@GetMapping("/api/ads/click/{impressionId}")
	ResponseEntity<Void> click(Viewer viewer, @PathVariable UUID impressionId) {
		String target = service.click(viewer.id(), impressionId, clock.instant());
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target))
			.cacheControl(CacheControl.noStore())
			.build();
	}
}
