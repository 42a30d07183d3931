package org.instaclone.platform.security;

import java.util.UUID;

/**
 * The signed-in user making the request, taken from the verified access token. Declare it as a
 * controller method parameter to get it.
 *
 * @param id the account id ({@code sub})
 * @param handle the account's handle at the time the token was issued
 */
public record Viewer(UUID id, String handle) {
}
