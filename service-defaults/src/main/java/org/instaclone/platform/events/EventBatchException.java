package org.instaclone.platform.events;

/**
 * Thrown by a batch {@link EventConsumer} when the event at {@link #index()} cannot be processed and
 * every event before it has been: the transport acknowledges those, parks that one (Kafka:
 * {@code <topic>-dlt}) and delivers the ones after it again. The cause decides whether it is retried
 * first: malformed input ({@code IllegalArgumentException}, a JSON error) is not.
 */
public class EventBatchException extends RuntimeException {

	private final int index;

	public EventBatchException(String message, RuntimeException cause, int index) {
		super(message, cause);
		this.index = index;
	}

	/** The position in the batch of the first event not processed. */
	public int index() {
		return this.index;
	}

	@Override
	public synchronized RuntimeException getCause() {
		return (RuntimeException) super.getCause();
	}
}
