package com.emporium.recommendation;

import com.emporium.platform.events.EventEnvelope;

/**
 * An event we can read but not use (a field we need is missing or out of range): thrown from a
 * listener, it ends in {@code <topic>-dlt} with this message after the platform's tries, and the
 * partition moves on. Nothing of the event is stored.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(EventEnvelope<?> event, String lacking) {
		super("%s %s lacks %s".formatted(event.type(), event.id(), lacking));
	}

	/** The event's data, if it has an id, a time and data at all. */
	public static <T> T data(EventEnvelope<T> event) {
		T data = event.data();
		if (event.id() == null || data == null) {
			throw new MalformedEventException(event, "id or data");
		}
		return data;
	}

}
