package org.instaclone.follow.account;

import java.util.UUID;

/** What other features of this service may know about an account. */
public record AccountRef(UUID id, String handle, String displayName) {

	static AccountRef of(Account account) {
		return new AccountRef(account.getId(), account.getHandle(), account.getDisplayName());
	}
}
