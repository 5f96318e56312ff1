package com.emporium.order.customers;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.order.MalformedEventException;
import com.emporium.order.customers.CustomerProfile.ProfileAddress;
import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.events.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the read model current from user-service's {@code emporium.user.user-profile-changed.v1}.
 * Idempotent: each event id is recorded in {@code processed_event} (consumer {@value #CONSUMER}) in
 * the transaction of its effect; an event older than what we have (by {@code version}) changes
 * nothing.
 */
@Component
class ProfileUpdates {

	static final String CONSUMER = "customer-profiles";

	private static final Logger log = LoggerFactory.getLogger(ProfileUpdates.class);

	private final CustomerProfiles profiles;

	private final ProcessedEvents processedEvents;

	ProfileUpdates(CustomerProfiles profiles, ProcessedEvents processedEvents) {
		this.profiles = profiles;
		this.processedEvents = processedEvents;
	}

	/** Our view of {@code UserProfileChanged}'s data: the user's profile after the change. */
	record UserProfileChanged(@Nullable UUID userId, @Nullable String email, @Nullable String firstName,
			@Nullable String lastName, @Nullable ProfileAddress defaultShippingAddress,
			@Nullable ProfileAddress defaultBillingAddress, @Nullable Long version, @Nullable Instant occurredAt) {
	}

	// The group is the service's (spring.kafka.consumer.group-id), not the listener id.
	@KafkaListener(id = "customer-profile-changed", idIsGroup = false,
			topics = "emporium.user.user-profile-changed.v1")
	@Transactional
	public void changed(EventEnvelope<UserProfileChanged> event) {
		UserProfileChanged profile = MalformedEventException.data(event);
		if (profile.userId() == null || profile.email() == null || profile.email().isBlank()
				|| profile.version() == null) {
			throw new MalformedEventException(event, "userId, email or version");
		}
		if (!this.processedEvents.firstDelivery(CONSUMER, Objects.requireNonNull(event.id()))) {
			log.debug("Skipping duplicate event eventId={}", event.id());
			return;
		}
		if (!this.profiles.changed(profile.userId(), profile.email(), profile.firstName(), profile.lastName(),
				profile.defaultShippingAddress(), profile.defaultBillingAddress(), profile.version(),
				profile.occurredAt())) {
			log.debug("Ignoring an older profile, or one of an erased customer customerId={} version={}",
					profile.userId(), profile.version());
		}
	}

}
