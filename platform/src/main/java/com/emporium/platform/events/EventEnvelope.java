package com.emporium.platform.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The JSON every event has on Kafka: a CloudEvents 1.0 structured-mode document
 * ({@code specversion}, {@code id}, {@code type}, {@code source}, {@code subject}, {@code time},
 * {@code datacontenttype}) whose {@code data} is the event record. Consumers declare their own
 * record for {@code data} with the fields they read ({@code EventEnvelope<ProductCreated>}); unknown
 * fields are ignored, so producers may add fields without breaking anyone. See
 * {@code docs/events.md}.
 *
 * @param <T> the consumer's (or producer's) view of the payload
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope<T>(String specversion, UUID id, String type, String source, String subject, Instant time,
		String datacontenttype, T data) {

	public static final String SPEC_VERSION = "1.0";

	public static <E extends EmporiumEvent> EventEnvelope<E> wrap(E event, String source) {
		return new EventEnvelope<>(SPEC_VERSION, event.eventId(), event.getClass().getSimpleName(), source,
				event.subject(), event.occurredAt(), "application/json", event);
	}

}
