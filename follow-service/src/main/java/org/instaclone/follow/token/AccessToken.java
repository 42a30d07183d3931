package org.instaclone.follow.token;

/** A signed access token and its lifetime in seconds. */
public record AccessToken(String value, long expiresIn) {
}
