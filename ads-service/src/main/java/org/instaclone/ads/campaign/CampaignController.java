package org.instaclone.ads.campaign;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An advertiser's campaigns. The advertiser is the signed-in account; nobody sees another's campaigns. */
@RestController
@RequestMapping("/api/ads/campaigns")
class CampaignController {

	private final CampaignService service;

	CampaignController(CampaignService service) {
		this.service = service;
	}

	@PostMapping
	ResponseEntity<CampaignView> create(Viewer viewer, @Valid @RequestBody CampaignRequests.NewCampaign request) {
		CampaignView campaign = service.create(viewer.id(), request);
		return ResponseEntity.created(URI.create("/api/ads/campaigns/" + campaign.id())).body(campaign);
	}

	@GetMapping
	Page<CampaignView> list(Viewer viewer, @RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return service.list(viewer.id(), cursor, limit);
	}

	@GetMapping("/{id}")
	CampaignView find(Viewer viewer, @PathVariable UUID id) {
		return service.find(viewer.id(), id);
	}

	@PatchMapping("/{id}")
	CampaignView edit(Viewer viewer, @PathVariable UUID id,
			@Valid @RequestBody CampaignRequests.CampaignChanges changes) {
		return service.edit(viewer.id(), id, changes);
	}

	@PostMapping("/{id}/activate")
	CampaignView activate(Viewer viewer, @PathVariable UUID id) {
		return service.activate(viewer.id(), id);
	}

	@PostMapping("/{id}/pause")
	CampaignView pause(Viewer viewer, @PathVariable UUID id) {
		return service.pause(viewer.id(), id);
	}
}
