package org.instaclone.follow.account;

import org.instaclone.follow.token.AccessToken;

/** The outcome of sign-up, sign-in or refresh: who, and their new tokens. */
record SignedIn(Account account, AccessToken accessToken, String refreshToken) {
}
