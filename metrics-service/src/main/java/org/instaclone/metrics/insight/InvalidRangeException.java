package org.instaclone.metrics.insight;

/** A series query's granularity or range is not one the API serves. */
public class InvalidRangeException extends RuntimeException {

	InvalidRangeException(String message) {
		super(message);
	}
}
