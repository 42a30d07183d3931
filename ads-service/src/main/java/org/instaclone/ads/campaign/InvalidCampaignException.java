package org.instaclone.ads.campaign;

/**
 * A rule that spans fields (or the stored campaign and a change) is broken: answered as a
 * {@code validation} problem naming the field, like a single-field rule.
 */
public class InvalidCampaignException extends RuntimeException {

	private final String field;

	InvalidCampaignException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
