package com.emporium.order.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.order.MalformedEventException;
import com.emporium.order.cart.ShoppingCarts;
import com.emporium.order.customers.CustomerProfiles;
import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.events.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets a user whose account user-service deleted ({@code emporium.user.user-deleted.v1}): the
 * names, streets, cities, postal codes and notes on their orders (see
 * {@link Order#erasePersonalData}), their carts and their profile (email, names, default
 * addresses: {@link CustomerProfiles#erase}, which notifications follow). Order ids, numbers, lines, amounts, countries
 * and the customer id stay: they are the shop's records. Each event is handled once (consumer
 * {@value #CONSUMER} in {@code processed_event}); erasing twice would change nothing anyway.
 */
@Component
class CustomerErasure {

	static final String CONSUMER = "user-erasure";

	private static final Logger log = LoggerFactory.getLogger(CustomerErasure.class);

	private final Orders orders;

	private final ShoppingCarts carts;

	private final CustomerProfiles profiles;

	private final ProcessedEvents processedEvents;

	private final Clock clock;

	CustomerErasure(Orders orders, ShoppingCarts carts, CustomerProfiles profiles, ProcessedEvents processedEvents,
			Clock clock) {
		this.orders = orders;
		this.carts = carts;
		this.profiles = profiles;
		this.processedEvents = processedEvents;
		this.clock = clock;
	}

	/** {@code emporium.user.user-deleted.v1}: the account is gone, its id stays. */
	record UserDeleted(@Nullable UUID userId) {
	}

	@KafkaListener(id = "user-deleted", idIsGroup = false, topics = "emporium.user.user-deleted.v1")
	@Transactional
	public void userDeleted(EventEnvelope<UserDeleted> event) {
		UUID userId = MalformedEventException.data(event).userId();
		if (userId == null) {
			throw new MalformedEventException(event, "userId");
		}
		if (!this.processedEvents.firstDelivery(CONSUMER, Objects.requireNonNull(event.id()))) {
			log.debug("Skipping duplicate event eventId={}", event.id());
			return;
		}
		Instant now = this.clock.instant();
		List<Order> theirs = this.orders.findByCustomerId(userId);
		theirs.forEach(order -> order.erasePersonalData(now));
		this.carts.erase(userId);
		this.profiles.erase(userId);
		log.info("Personal data erased userId={} orders={}", userId, theirs.size());
	}

}
