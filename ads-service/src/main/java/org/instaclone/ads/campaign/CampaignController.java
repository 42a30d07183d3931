package org.instaclone.ads.campaign;

import io.swagger.v3.oas.annotations.Operation;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Page;
import org.instaclone.platform.security.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An advertiser's campaigns. The advertiser is the signed-in account; nobody sees another's campaigns.
 * Single-campaign answers carry {@code ETag: "<version>"}; PATCH honours {@code If-Match} with it.
 */
@RestController
@RequestMapping("/api/ads/campaigns")
class CampaignController {

	private final CampaignService service;

	CampaignController(CampaignService service) {
		this.service = service;
	}

	@Operation(summary = "Create a campaign (a draft) as the signed-in advertiser")
	@PostMapping
	ResponseEntity<CampaignView> create(Viewer viewer, @Valid @RequestBody CampaignRequests.NewCampaign request) {
		CampaignView campaign = service.create(viewer.id(), request);
		return ResponseEntity.created(URI.create("/api/ads/campaigns/" + campaign.id()))
			.eTag(etag(campaign))
			.body(campaign);
	}

	@Operation(summary = "Your campaigns, newest first, with their delivery figures")
	@GetMapping
	Page<CampaignView> list(Viewer viewer, @RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return service.list(viewer.id(), cursor, limit);
	}

	@Operation(summary = "One of your campaigns; ETag carries its version")
	@GetMapping("/{id}")
	ResponseEntity<CampaignView> find(Viewer viewer, @PathVariable UUID id) {
		return withEtag(service.find(viewer.id(), id));
	}

	@Operation(summary = "Edit a campaign; If-Match with its ETag refuses a stale edit (412)")
	@PatchMapping("/{id}")
	ResponseEntity<CampaignView> edit(Viewer viewer, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody CampaignRequests.CampaignChanges changes) {
		return withEtag(service.edit(viewer.id(), id, version(id, ifMatch), changes));
	}

	@Operation(summary = "Start serving a draft or paused campaign")
	@PostMapping("/{id}/activate")
	ResponseEntity<CampaignView> activate(Viewer viewer, @PathVariable UUID id) {
		return withEtag(service.activate(viewer.id(), id));
	}

	@Operation(summary = "Stop serving an active campaign for now")
	@PostMapping("/{id}/pause")
	ResponseEntity<CampaignView> pause(Viewer viewer, @PathVariable UUID id) {
		return withEtag(service.pause(viewer.id(), id));
	}

	@Operation(summary = "End a campaign for good")
	@PostMapping("/{id}/end")
	ResponseEntity<CampaignView> end(Viewer viewer, @PathVariable UUID id) {
		return withEtag(service.end(viewer.id(), id));
	}

	private static ResponseEntity<CampaignView> withEtag(CampaignView campaign) {
		return ResponseEntity.ok().eTag(etag(campaign)).body(campaign);
	}

	private static String etag(CampaignView campaign) {
		return "\"" + campaign.version() + "\"";
	}

	/** {@code "3"} (or {@code W/"3"}) to 3; anything else cannot match any version. */
	private static @Nullable Long version(UUID id, @Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.strip().equals("*")) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			try {
				return Long.parseLong(tag.substring(1, tag.length() - 1));
			}
			catch (NumberFormatException ex) {
				// falls through
			}
		}
		throw new CampaignChangedException(id);
	}
}
