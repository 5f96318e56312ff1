package com.emporium.recommendation.interaction;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.events.EventEnvelope;
import com.emporium.recommendation.MalformedEventException;
import com.emporium.recommendation.interaction.BehaviourEvents.OrderCancelled;
import com.emporium.recommendation.interaction.BehaviourEvents.OrderConfirmed;
import com.emporium.recommendation.interaction.BehaviourEvents.OrderPlaced;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Purchases: an order's lines are kept as pending on {@code OrderPlaced} and become one
 * {@code PURCHASE} interaction each when the order is confirmed (paid); a cancellation drops them,
 * and removes the purchases of an order cancelled after its confirmation. An unpaid order is not a
 * purchase, and placing then cancelling must not teach the recommender that the shopper bought it.
 * <p>
 * The three topics keep no order between them, so each event moves the order's state in
 * {@code pending_purchases} with one atomic update and acts on what that update returns: a
 * confirmation that overtakes its {@code OrderPlaced} is remembered, and the lines become purchases
 * when they arrive; a cancellation is final. A purchase's key is a name-based UUID of the order and
 * the line's place in it, so whichever event records it, and however often, it is stored once.
 * <p>
 * A line may name the recommendation that led to it ({@code recommendationId} and
 * {@code recommendationSource}); it is kept with the pending line and on the purchase (as
 * {@code algorithm}), for attribution. A malformed one is dropped from its line, which is kept.
 */
@Component
class Purchases {

	private static final Logger log = LoggerFactory.getLogger(Purchases.class);

	private final MongoTemplate mongo;

	private final InteractionStore store;

	private final Clock clock;

	Purchases(MongoTemplate mongo, InteractionStore store, Clock clock) {
		this.mongo = mongo;
		this.store = store;
		this.clock = clock;
	}

	// The group is the service's (spring.kafka.consumer.group-id), not the listener id.
	@KafkaListener(id = "interactions-order-placed", idIsGroup = false, topics = "emporium.order.order-placed.v1")
	void placed(EventEnvelope<OrderPlaced> event) {
		OrderPlaced order = MalformedEventException.data(event);
		if (order.orderId() == null || order.customerId() == null || order.currency() == null || order.lines() == null
				|| order.lines().isEmpty()) {
			throw new MalformedEventException(event, "orderId, customerId, currency or lines");
		}
		List<PendingLine> lines = new ArrayList<>();
		for (OrderPlaced.Line line : order.lines()) {
			if (line == null || line.productId() == null || line.quantity() == null || line.quantity() < 1
					|| line.unitPrice() == null || line.unitPrice().signum() < 0) {
				throw new MalformedEventException(event,
						"on a line a productId, a quantity of 1 or more or a unitPrice of 0 or more");
			}
			PendingLine pending = new PendingLine(line.productId(), line.quantity(), line.unitPrice(), null, null);
			lines.add(recommended(event, order.orderId(), lines.size(), line, pending));
		}
		Update update = new Update().set("customerId", order.customerId())
			.set("currency", order.currency())
			.set("placedAt", BehaviourListeners.occurredAt(event, order.occurredAt()))
			.set("lines", lines)
			.set("updatedAt", this.clock.instant())
			.setOnInsert("status", Status.PENDING.name());
		PendingOrder pending = this.mongo.findAndModify(byId(order.orderId()), update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), PendingOrder.class);
		switch (pending.status()) {
			case PENDING -> log.debug("Order lines pending orderId={} lines={}", order.orderId(), lines.size());
			case CONFIRMED -> recordPurchases(pending);
			case CANCELLED -> dropLines(order.orderId());
		}
	}

	/**
	 * The line with the recommendation that led to it, when the event names a usable one: an id of
	 * 1–100 and a source of 1–50 characters, both strings without control characters, both given.
	 * Anything else (a wrong type, too long, only one of the two) costs the line its recommendation,
	 * not its purchase: logged, and the line is kept without it.
	 */
	private static PendingLine recommended(EventEnvelope<?> event, UUID orderId, int index, OrderPlaced.Line line,
			PendingLine pending) {
		Object id = line.recommendationId();
		Object source = line.recommendationSource();
		if (id == null && source == null) {
			return pending;
		}
		if (id instanceof String recommendationId && source instanceof String recommendationSource
				&& BehaviourListeners.usable(recommendationId, BehaviourListeners.MAX_RECOMMENDATION_ID)
				&& BehaviourListeners.usable(recommendationSource, BehaviourListeners.MAX_RECOMMENDATION_SOURCE)) {
			return new PendingLine(pending.productId(), pending.quantity(), pending.unitPrice(), recommendationId,
					recommendationSource);
		}
		log.warn("Order line kept without its recommendation eventId={} orderId={} line={}: recommendationId and "
				+ "recommendationSource must both be strings (1 to {} and 1 to {} characters, no control "
				+ "characters) or both be null", event.id(), orderId, index, BehaviourListeners.MAX_RECOMMENDATION_ID,
				BehaviourListeners.MAX_RECOMMENDATION_SOURCE);
		return pending;
	}

	@KafkaListener(id = "interactions-order-confirmed", idIsGroup = false,
			topics = "emporium.order.order-confirmed.v1")
	void confirmed(EventEnvelope<OrderConfirmed> event) {
		OrderConfirmed order = MalformedEventException.data(event);
		if (order.orderId() == null) {
			throw new MalformedEventException(event, "orderId");
		}
		// Created as confirmed when this is the first we hear of the order; else moved on from
		// pending. A cancellation is final: a confirmation after it changes nothing.
		PendingOrder pending = this.mongo.findAndModify(byId(order.orderId()),
				new Update().setOnInsert("status", Status.CONFIRMED.name()).set("updatedAt", this.clock.instant()),
				FindAndModifyOptions.options().upsert(true).returnNew(true), PendingOrder.class);
		if (pending.status() == Status.PENDING) {
			pending = this.mongo.findAndModify(
					byId(order.orderId()).addCriteria(Criteria.where("status").is(Status.PENDING.name())),
					new Update().set("status", Status.CONFIRMED.name()), FindAndModifyOptions.options().returnNew(true),
					PendingOrder.class);
		}
		if (pending == null || pending.status() == Status.CANCELLED) {
			log.debug("Ignoring the confirmation of a cancelled order orderId={}", order.orderId());
			return;
		}
		if (pending.lines() == null) {
			log.debug("Order confirmed before its lines arrived orderId={}", order.orderId());
			return;
		}
		recordPurchases(pending);
	}

	@KafkaListener(id = "interactions-order-cancelled", idIsGroup = false,
			topics = "emporium.order.order-cancelled.v1")
	void cancelled(EventEnvelope<OrderCancelled> event) {
		OrderCancelled order = MalformedEventException.data(event);
		if (order.orderId() == null) {
			throw new MalformedEventException(event, "orderId");
		}
		this.mongo.upsert(byId(order.orderId()), new Update().set("status", Status.CANCELLED.name())
			.unset("lines")
			.set("updatedAt", this.clock.instant()), PendingOrder.class);
		long removed = this.store.removePurchases(order.orderId());
		if (removed > 0) {
			log.info("Purchases removed for a cancelled order orderId={} purchases={}", order.orderId(), removed);
		}
	}

	/** Forgets which products a deleted customer's open orders hold. */
	void forgetCustomer(UUID customerId) {
		this.mongo.updateMulti(Query.query(Criteria.where("customerId").is(customerId)), new Update().unset("lines"),
				PendingOrder.class);
	}

	/** Forgets orders whose state has not changed since {@code before}. */
	long purgeBefore(Instant before) {
		return this.mongo.remove(Query.query(Criteria.where("updatedAt").lt(before)), PendingOrder.class)
			.getDeletedCount();
	}

	private void recordPurchases(PendingOrder order) {
		List<PendingLine> lines = order.lines();
		if (lines == null || order.customerId() == null || order.placedAt() == null || order.currency() == null) {
			return;
		}
		int recorded = 0;
		for (int index = 0; index < lines.size(); index++) {
			PendingLine line = lines.get(index);
			Interaction purchase = Interaction
				.of(purchaseId(order.orderId(), index), InteractionType.PURCHASE, order.customerId(), null,
						line.productId(), order.placedAt())
				.withQuantity(line.quantity())
				.withPurchase(order.orderId(), line.unitPrice(), order.currency());
			if (line.recommendationId() != null) {
				purchase = purchase.withRecommendation(line.recommendationId(), line.recommendationSource(), null);
			}
			if (this.store.record(purchase)) {
				recorded++;
			}
		}
		// A cancellation on its own thread may have landed while we wrote: it wins. It sets the
		// status before it removes purchases, so one of the two removals sees every purchase.
		PendingOrder now = this.mongo.findById(order.orderId(), PendingOrder.class);
		if (now != null && now.status() == Status.CANCELLED) {
			this.store.removePurchases(order.orderId());
			return;
		}
		this.mongo.updateFirst(byId(order.orderId()).addCriteria(Criteria.where("status").is(Status.CONFIRMED.name())),
				new Update().unset("lines"), PendingOrder.class);
		if (recorded > 0) {
			log.info("Purchases recorded orderId={} purchases={}", order.orderId(), recorded);
		}
	}

	private void dropLines(UUID orderId) {
		this.mongo.updateFirst(byId(orderId), new Update().unset("lines"), PendingOrder.class);
		log.debug("Ignoring the lines of a cancelled order orderId={}", orderId);
	}

	static UUID purchaseId(UUID orderId, int line) {
		return UUID.nameUUIDFromBytes(("PURCHASE:" + orderId + ":" + line).getBytes(StandardCharsets.UTF_8));
	}

	private static Query byId(UUID orderId) {
		return Query.query(Criteria.where("_id").is(orderId));
	}

	enum Status {

		PENDING, CONFIRMED, CANCELLED

	}

	/**
	 * An order line waiting for its order's confirmation.
	 * @param recommendationId the list that led to it, if the event named a usable one
	 * @param recommendationSource with {@code recommendationId}: that list's source (algorithm)
	 */
	record PendingLine(UUID productId, int quantity, BigDecimal unitPrice, @Nullable String recommendationId,
			@Nullable String recommendationSource) {
	}

	/**
	 * An order's state as far as purchases go; {@code lines} are kept only until they become
	 * purchases or the order is cancelled.
	 */
	@Document("pending_purchases")
	record PendingOrder(@Id UUID orderId, Status status, @Nullable UUID customerId, @Nullable String currency,
			@Nullable Instant placedAt, @Nullable List<PendingLine> lines, @Nullable Instant updatedAt) {
	}

}
