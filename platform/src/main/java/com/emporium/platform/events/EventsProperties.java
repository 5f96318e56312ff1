package com.emporium.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.events.*}.
 *
 * @param resubmitAfter how old an unsent event must be before the outbox job sends it again
 * (while the broker is down, events wait in the service's own database)
 * @param resubmitInterval how often the outbox job looks for them
 * @param deliveryAttempts how often a consumer tries a record before it goes to {@code <topic>-dlt}
 * @param retryBackoff the pause between those tries
 */
@ConfigurationProperties("emporium.events")
public record EventsProperties(@DefaultValue("30s") Duration resubmitAfter,
		@DefaultValue("15s") Duration resubmitInterval, @DefaultValue("3") int deliveryAttempts,
		@DefaultValue("500ms") Duration retryBackoff) {
}
