package org.instaclone.metrics.insight;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.security.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Time series. Each has at most 1,441 points (a long range is read from coarser rollups and summed
 * into steps, see {@code Resolution}; at most 731 days), so they are not cursor-paginated; top posts
 * is a capped top-N.
 */
@RestController
@RequestMapping("/api/metrics")
class InsightController {

	private final InsightService insights;

	InsightController(InsightService insights) {
		this.insights = insights;
	}

	@Operation(summary = "The viewer's follower gains, losses and net change per day (last `days` days)")
	@GetMapping("/me/followers")
	FollowerTrend myFollowers(Viewer viewer, @RequestParam(defaultValue = "30") @Min(1) @Max(90) int days) {
		return insights.followers(viewer.id(), days);
	}

	@Operation(summary = "The viewer's follower gains, losses and net change per minute, hour or day")
	@GetMapping("/me/followers/series")
	FollowerSeries myFollowerSeries(Viewer viewer,
			@RequestParam(defaultValue = "day") @Size(max = 10) String granularity,
			@RequestParam @Nullable Instant from, @RequestParam @Nullable Instant to) {
		return insights.followers(viewer.id(), granularity, from, to);
	}

	@Operation(summary = "The viewer's most viewed posts over whole UTC days (default: the last 30)")
	@GetMapping("/me/top-posts")
	TopPosts myTopPosts(Viewer viewer, @RequestParam @Nullable Instant from, @RequestParam @Nullable Instant to,
			@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return insights.topPosts(viewer.id(), from, to, limit);
	}

	@Operation(summary = "Views of one of the viewer's posts per hour or day; someone else's post is 404")
	@GetMapping("/posts/{postId}/views")
	Series postViews(Viewer viewer, @PathVariable UUID postId,
			@RequestParam(defaultValue = "day") @Size(max = 10) String granularity,
			@RequestParam @Nullable Instant from, @RequestParam @Nullable Instant to) {
		return insights.postViews(viewer.id(), postId, granularity, from, to);
	}

	@Operation(summary = "Impressions, clicks, CTR and spend of one of the viewer's ad campaigns; someone else's is 404")
	@GetMapping("/campaigns/{campaignId}")
	CampaignSeries campaign(Viewer viewer, @PathVariable UUID campaignId,
			@RequestParam(defaultValue = "day") @Size(max = 10) String granularity,
			@RequestParam @Nullable Instant from, @RequestParam @Nullable Instant to) {
		return insights.campaign(viewer.id(), campaignId, granularity, from, to);
	}

	@Operation(summary = "Webhook deliveries and failed attempts of one of the viewer's third-party apps; someone else's is 404")
	@GetMapping("/apps/{appId}/webhooks")
	WebhookSeries appWebhooks(Viewer viewer, @PathVariable UUID appId,
			@RequestParam(defaultValue = "day") @Size(max = 10) String granularity,
			@RequestParam @Nullable Instant from, @RequestParam @Nullable Instant to) {
		return insights.webhooks(viewer.id(), appId, granularity, from, to);
	}

	@Operation(summary = "A platform-wide metric per day (last `days` days); operators only")
	@GetMapping("/platform/daily")
	@PreAuthorize("hasRole('OPERATOR')")
	PlatformSeries platformDaily(Viewer viewer, @RequestParam @NotBlank @Size(max = 40) String metric,
			@RequestParam(defaultValue = "30") @Min(1) @Max(90) int days) {
		return insights.platform(metric, days);
	}

	@Operation(summary = "A platform-wide metric per minute, hour or day; operators only")
	@GetMapping("/platform/series")
	@PreAuthorize("hasRole('OPERATOR')")
	Series platformSeries(Viewer viewer, @RequestParam @NotBlank @Size(max = 40) String metric,
			@RequestParam(defaultValue = "day") @Size(max = 10) String granularity,
			@RequestParam @Nullable Instant from, @RequestParam @Nullable Instant to) {
		return insights.platform(metric, granularity, from, to);
	}
}
