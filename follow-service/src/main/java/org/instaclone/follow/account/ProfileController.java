package org.instaclone.follow.account;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.instaclone.platform.security.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class ProfileController {

	private final AccountService accounts;

	ProfileController(AccountService accounts) {
		this.accounts = accounts;
	}

	@Operation(summary = "A user's public profile with follower and following counts")
	@GetMapping("/{handle}")
	AccountResponses.Profile profile(@PathVariable String handle) {
		return AccountResponses.Profile.of(accounts.profile(handle));
	}

	@Operation(summary = "Update your own display name and bio (nothing else is writable)")
	@PatchMapping("/me")
	AccountResponses.Profile update(Viewer viewer, @Valid @RequestBody AccountRequests.ProfileUpdate update) {
		return AccountResponses.Profile.of(accounts.updateProfile(viewer.id(), update));
	}
}
