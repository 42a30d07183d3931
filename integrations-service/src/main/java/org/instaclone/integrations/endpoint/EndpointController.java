package org.instaclone.integrations.endpoint;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Page;
import org.instaclone.platform.security.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/integrations/apps/{appId}/endpoints")
class EndpointController {

	private final Endpoints endpoints;

	EndpointController(Endpoints endpoints) {
		this.endpoints = endpoints;
	}

	/** Creates an endpoint; the answer holds the signing secret, shown this once. */
	@Operation(summary = "Create a webhook endpoint; the answer shows its signing secret, this once")
	@PostMapping
	ResponseEntity<EndpointRequests.CreatedEndpoint> create(Viewer viewer, @PathVariable UUID appId,
			@Valid @RequestBody EndpointRequests.NewEndpoint request) {
		EndpointRequests.CreatedEndpoint endpoint = endpoints.create(viewer.id(), appId, request);
		return ResponseEntity.status(HttpStatus.CREATED).body(endpoint);
	}

	@Operation(summary = "The app's endpoints, newest first, without secrets")
	@GetMapping
	Page<EndpointRequests.EndpointView> list(Viewer viewer, @PathVariable UUID appId,
			@RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return endpoints.list(viewer.id(), appId, cursor, limit);
	}

	/** The endpoint with its status and, when disabled, why. */
	@Operation(summary = "One endpoint, with its status and why it is disabled")
	@GetMapping("/{endpointId}")
	EndpointRequests.EndpointView get(Viewer viewer, @PathVariable UUID appId, @PathVariable UUID endpointId) {
		return endpoints.find(viewer.id(), appId, endpointId);
	}

	/** Changes the fields present (URL, event types, description); a new URL is checked like at creation. */
	@Operation(summary = "Change an endpoint's URL, event types or description (the fields present)")
	@PatchMapping("/{endpointId}")
	EndpointRequests.EndpointView change(Viewer viewer, @PathVariable UUID appId, @PathVariable UUID endpointId,
			@Valid @RequestBody EndpointRequests.EndpointChanges changes) {
		return endpoints.change(viewer.id(), appId, endpointId, changes);
	}

	/** Deletes the endpoint, its pending and past deliveries and their attempts. */
	@Operation(summary = "Delete an endpoint with its deliveries")
	@DeleteMapping("/{endpointId}")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID appId, @PathVariable UUID endpointId) {
		endpoints.delete(viewer.id(), appId, endpointId);
		return ResponseEntity.noContent().build();
	}

	/** A new signing secret, shown once; the previous one keeps signing during the overlap window. */
	@Operation(summary = "Rotate the signing secret; both sign during the overlap window")
	@PostMapping("/{endpointId}/secret/rotate")
	EndpointRequests.RotatedSecret rotateSecret(Viewer viewer, @PathVariable UUID appId,
			@PathVariable UUID endpointId) {
		return endpoints.rotateSecret(viewer.id(), appId, endpointId);
	}

	/** Enables a disabled endpoint again. */
	@Operation(summary = "Enable a disabled endpoint again")
	@PostMapping("/{endpointId}/enable")
	EndpointRequests.EndpointView enable(Viewer viewer, @PathVariable UUID appId, @PathVariable UUID endpointId) {
		return endpoints.enable(viewer.id(), appId, endpointId);
	}
}
