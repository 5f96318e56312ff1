package com.emporium.recommendation.interaction;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.events.EventEnvelope;
import com.emporium.recommendation.MalformedEventException;
import com.emporium.recommendation.interaction.BehaviourEvents.UserDeleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erases a shopper's interactions: on their request ({@code DELETE /interactions/me}: what they did
 * until now) and when their account is deleted ({@code UserDeleted}: everything, also what arrives
 * later). The erasure is remembered first and the interactions deleted second, so that an event in
 * flight is either deleted here or refused by {@link InteractionStore}. Then {@link HistoryErased}
 * tells the other features, in this same consumer: for a deleted account, serving drops the shopper
 * from the models it serves and stores before the event counts as handled (a failure there is
 * retried with the whole event). Idempotent: a repeated {@code UserDeleted} finds nothing more to
 * delete or forget.
 */
@Component
class HistoryErasure {

	private static final Logger log = LoggerFactory.getLogger(HistoryErasure.class);

	private final Erasures erasures;

	private final InteractionStore store;

	private final Purchases purchases;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HistoryErasure(Erasures erasures, InteractionStore store, Purchases purchases, ApplicationEventPublisher events,
			Clock clock) {
		this.erasures = erasures;
		this.store = store;
		this.purchases = purchases;
		this.events = events;
		this.clock = clock;
	}

	/** @return how many interactions were deleted */
	long eraseHistory(UUID userId) {
		this.erasures.historyErasedBefore(userId, this.clock.instant());
		long erased = this.store.eraseUser(userId);
		this.events.publishEvent(new HistoryErased(userId, false));
		log.info("Interaction history erased by its owner userId={} interactions={}", userId, erased);
		return erased;
	}

	// The group is the service's (spring.kafka.consumer.group-id), not the listener id.
	@KafkaListener(id = "interactions-user-deleted", idIsGroup = false, topics = "emporium.user.user-deleted.v1")
	void userDeleted(EventEnvelope<UserDeleted> event) {
		UserDeleted user = MalformedEventException.data(event);
		if (user.userId() == null) {
			throw new MalformedEventException(event, "userId");
		}
		Instant at = (event.time() != null) ? event.time() : this.clock.instant();
		this.erasures.accountDeleted(user.userId(), at);
		long erased = this.store.eraseUser(user.userId());
		this.purchases.forgetCustomer(user.userId());
		this.events.publishEvent(new HistoryErased(user.userId(), true));
		log.info("Interactions erased for a deleted account userId={} interactions={}", user.userId(), erased);
	}

}
