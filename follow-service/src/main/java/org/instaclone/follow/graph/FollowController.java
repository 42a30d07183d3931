package org.instaclone.follow.graph;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Page;
import org.instaclone.platform.security.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FollowController {

	private final FollowService graph;

	FollowController(FollowService graph) {
		this.graph = graph;
	}

	@Operation(summary = "Follow a user (idempotent)")
	@PutMapping("/api/follows/{handle}")
	ResponseEntity<Void> follow(Viewer viewer, @PathVariable String handle) {
		graph.follow(viewer.id(), handle);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Unfollow a user (idempotent)")
	@DeleteMapping("/api/follows/{handle}")
	ResponseEntity<Void> unfollow(Viewer viewer, @PathVariable String handle) {
		graph.unfollow(viewer.id(), handle);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Does one user follow another?")
	@GetMapping("/api/follows")
	Relationship follows(@RequestParam String follower, @RequestParam String followee) {
		return new Relationship(follower, followee, graph.follows(follower, followee));
	}

	@Operation(summary = "A user's followers, newest first")
	@GetMapping("/api/users/{handle}/followers")
	Page<FollowView> followers(@PathVariable String handle, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return graph.followers(handle, cursor, limit);
	}

	@Operation(summary = "The users someone follows, newest first")
	@GetMapping("/api/users/{handle}/following")
	Page<FollowView> following(@PathVariable String handle, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return graph.following(handle, cursor, limit);
	}

	record Relationship(String follower, String followee, boolean follows) {
	}
}
