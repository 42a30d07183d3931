package org.instaclone.metrics.insight;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.instaclone.platform.security.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-day series. Bounded by {@code days} (at most 90 points), so they are not cursor-paginated.
 */
@RestController
@RequestMapping("/api/metrics")
class InsightController {

	private final InsightService insights;

	InsightController(InsightService insights) {
		this.insights = insights;
	}

	/** The viewer's own follower gains, losses and net change per day. */
	@GetMapping("/me/followers")
	FollowerTrend myFollowers(Viewer viewer, @RequestParam(defaultValue = "30") @Min(1) @Max(90) int days) {
		return insights.followers(viewer.id(), days);
	}

	/** A platform-wide metric per day; operators only. */
	@GetMapping("/platform/daily")
	@PreAuthorize("hasRole('OPERATOR')")
	PlatformSeries platformDaily(Viewer viewer, @RequestParam @NotBlank @Size(max = 40) String metric,
			@RequestParam(defaultValue = "30") @Min(1) @Max(90) int days) {
		return insights.platform(metric, days);
	}
}
