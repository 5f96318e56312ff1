package com.emporium.product.stores;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.events.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a store for every vendor who registers. Idempotent: the event id is recorded in
 * {@code processed_event} in the same transaction as the store, so a re-delivered event opens
 * nothing.
 */
@Component
class DefaultStores {

	static final String CONSUMER = "default-store";

	private static final Logger log = LoggerFactory.getLogger(DefaultStores.class);

	private final StoreDirectory directory;

	private final ProcessedEvents processedEvents;

	DefaultStores(StoreDirectory directory, ProcessedEvents processedEvents) {
		this.directory = directory;
		this.processedEvents = processedEvents;
	}

	// The group is the service's (spring.kafka.consumer.group-id), not the listener id.
	@KafkaListener(id = "default-store-user-registered", idIsGroup = false,
			topics = "emporium.user.user-registered.v1")
	@Transactional
	public void on(EventEnvelope<UserRegistered> event) {
		UserRegistered user = event.data();
		if (event.id() == null || user == null || user.userId() == null || user.username() == null
				|| user.username().isBlank() || user.roles() == null) {
			throw new MalformedEventException("UserRegistered " + event.id() + " lacks id, userId, username or roles");
		}
		if (!this.processedEvents.firstDelivery(CONSUMER, event.id())) {
			log.debug("Skipping duplicate event eventId={}", event.id());
			return;
		}
		if (!user.roles().contains("VENDOR")) {
			log.debug("No store for a registration without VENDOR userId={}", user.userId());
			return;
		}
		this.directory.openDefault(user.userId(), user.username());
	}

	/** An event we can read but not use: it goes to the dead-letter topic with this message. */
	static final class MalformedEventException extends RuntimeException {

		MalformedEventException(String message) {
			super(message);
		}

	}

}
