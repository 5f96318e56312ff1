package com.emporium.payment.processor;

/**
 * No usable answer from the processor: it timed out, failed (5xx), sent something unreadable, or
 * its circuit breaker is open. Whether money moved is unknown, so a retry must use the same
 * idempotency key.
 */
public class ProcessorUnavailableException extends RuntimeException {

	private final boolean timedOut;

	public ProcessorUnavailableException(String reason, boolean timedOut) {
		super(reason);
		this.timedOut = timedOut;
	}

	public ProcessorUnavailableException(String reason) {
		this(reason, false);
	}

	public boolean timedOut() {
		return this.timedOut;
	}

}
