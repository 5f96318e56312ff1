package com.emporium.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one service tells the others. Implemented by each service's own event records (past
 * tense, no suffix: {@code ProductCreated}); annotate them with
 * {@code @Externalized("emporium.<service>.<event>.v<major>::#{#this.subject()}")} and publish
 * them with {@code ApplicationEventPublisher} inside the business transaction. The platform wraps
 * them in an {@link EventEnvelope} on their way to Kafka.
 * <p>
 * The id must be created once, when the fact happens, so that a re-sent event keeps it and
 * consumers can drop the duplicate.
 */
public interface EmporiumEvent {

	/** Unique per fact, stable across re-deliveries. */
	UUID eventId();

	/** When the fact happened (from the service's injected {@code Clock}). */
	Instant occurredAt();

	/** The id of the aggregate the fact is about; also the Kafka record key. */
	String subject();

}
