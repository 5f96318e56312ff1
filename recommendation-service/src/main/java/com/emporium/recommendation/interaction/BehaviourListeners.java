package com.emporium.recommendation.interaction;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.events.EventEnvelope;
import com.emporium.recommendation.MalformedEventException;
import com.emporium.recommendation.interaction.BehaviourEvents.CartItemChanged;
import com.emporium.recommendation.interaction.BehaviourEvents.ProductViewed;
import com.emporium.recommendation.interaction.BehaviourEvents.ReviewPosted;
import com.emporium.recommendation.interaction.BehaviourEvents.SearchResultClicked;
import com.emporium.recommendation.interaction.BehaviourEvents.WishlistItemChanged;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * One interaction per behaviour event, keyed by the event id. Events naming a product the replica
 * does not know, or one deleted since, are stored all the same: the topics keep no order between
 * them (a view can overtake its product's {@code ProductCreated}), and the fleet refuses views, cart
 * adds, wishlist adds and reviews of deleted products, so such an event happened before the deletion
 * (or, like a cart line removed afterwards, is true all the same) and is history.
 * Whoever reads interactions to recommend skips products the replica marks deleted.
 * <p>
 * A cart add that names the recommendation that led to it keeps its id (and source, as
 * {@code algorithm}) for attribution. The rules clients are held to apply (id 1–100, source 1–50
 * characters, no control characters): a bad id loses the recommendation, a bad source only the
 * source, and the add is stored all the same: it is still history.
 */
@Component
class BehaviourListeners {

	static final String WISHLIST_ADDED = "emporium.product.wishlist-item-added.v1";

	static final String WISHLIST_REMOVED = "emporium.product.wishlist-item-removed.v1";

	static final String CART_ADDED = "emporium.order.cart-item-added.v1";

	static final String CART_REMOVED = "emporium.order.cart-item-removed.v1";

	/** As for posted interactions ({@link PostedInteraction}) and order-service's recommendations. */
	static final int MAX_RECOMMENDATION_ID = 100;

	static final int MAX_RECOMMENDATION_SOURCE = 50;

	private static final Logger log = LoggerFactory.getLogger(BehaviourListeners.class);

	private final InteractionStore store;

	BehaviourListeners(InteractionStore store) {
		this.store = store;
	}

	// The group is the service's (spring.kafka.consumer.group-id), not the listener id.
	@KafkaListener(id = "interactions-product-viewed", idIsGroup = false, topics = "emporium.product.product-viewed.v1")
	void viewed(EventEnvelope<ProductViewed> event) {
		ProductViewed view = MalformedEventException.data(event);
		if (view.productId() == null) {
			throw new MalformedEventException(event, "productId");
		}
		record(event, Interaction.of(event.id(), InteractionType.VIEW, view.userId(), session(event, view.sessionId()),
				view.productId(), occurredAt(event, view.occurredAt())));
	}

	@KafkaListener(id = "interactions-search-result-clicked", idIsGroup = false,
			topics = "emporium.product.search-result-clicked.v1")
	void searchResultClicked(EventEnvelope<SearchResultClicked> event) {
		SearchResultClicked click = MalformedEventException.data(event);
		if (click.productId() == null || click.position() == null || click.position() < 1) {
			throw new MalformedEventException(event, "productId or a position of 1 or more");
		}
		record(event,
				Interaction
					.of(event.id(), InteractionType.SEARCH_CLICK, click.userId(), session(event, click.sessionId()),
							click.productId(), occurredAt(event, click.occurredAt()))
					.withPosition(click.position()));
	}

	@KafkaListener(id = "interactions-wishlist", idIsGroup = false, topics = { WISHLIST_ADDED, WISHLIST_REMOVED })
	void wishlistChanged(EventEnvelope<WishlistItemChanged> event, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic) {
		WishlistItemChanged change = MalformedEventException.data(event);
		if (change.userId() == null || change.productId() == null) {
			throw new MalformedEventException(event, "userId or productId");
		}
		InteractionType type = topic.equals(WISHLIST_ADDED) ? InteractionType.WISHLIST_ADD
				: InteractionType.WISHLIST_REMOVE;
		record(event, Interaction.of(event.id(), type, change.userId(), null, change.productId(),
				occurredAt(event, change.occurredAt())));
	}

	@KafkaListener(id = "interactions-review-posted", idIsGroup = false, topics = "emporium.product.review-posted.v1")
	void reviewPosted(EventEnvelope<ReviewPosted> event) {
		ReviewPosted review = MalformedEventException.data(event);
		if (review.userId() == null || review.productId() == null || review.rating() == null || review.rating() < 1
				|| review.rating() > 5) {
			throw new MalformedEventException(event, "userId, productId or a rating of 1 to 5");
		}
		record(event, Interaction
			.of(event.id(), InteractionType.REVIEW, review.userId(), null, review.productId(),
					occurredAt(event, review.occurredAt()))
			.withRating(review.rating()));
	}

	@KafkaListener(id = "interactions-cart", idIsGroup = false, topics = { CART_ADDED, CART_REMOVED })
	void cartChanged(EventEnvelope<CartItemChanged> event, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic) {
		CartItemChanged change = MalformedEventException.data(event);
		if (change.productId() == null || change.cartId() == null || change.quantity() == null
				|| change.quantity() < 1) {
			throw new MalformedEventException(event, "productId, cartId or a quantity of 1 or more");
		}
		InteractionType type = topic.equals(CART_ADDED) ? InteractionType.CART_ADD : InteractionType.CART_REMOVE;
		Interaction interaction = Interaction
			.of(event.id(), type, change.userId(), null, change.productId(), occurredAt(event, change.occurredAt()))
			.withQuantity(change.quantity())
			.withCart(change.cartId());
		if (type == InteractionType.CART_ADD && change.recommendationId() != null) {
			interaction = recommended(event, interaction, change.recommendationId(), change.recommendationSource());
		}
		record(event, interaction);
	}

	/** The cart add with the recommendation that led to it, or as it is when that cannot be kept. */
	private static Interaction recommended(EventEnvelope<?> event, Interaction add, String recommendationId,
			@Nullable String source) {
		if (!usable(recommendationId, MAX_RECOMMENDATION_ID)) {
			log.warn("Cart add stored without its recommendation eventId={}: the recommendationId is blank, longer "
					+ "than {} characters or holds control characters", event.id(), MAX_RECOMMENDATION_ID);
			return add;
		}
		if (source != null && !usable(source, MAX_RECOMMENDATION_SOURCE)) {
			log.warn("Cart add stored without its recommendation's source eventId={}: the recommendationSource is "
					+ "blank, longer than {} characters or holds control characters", event.id(),
					MAX_RECOMMENDATION_SOURCE);
			source = null;
		}
		return add.withRecommendation(recommendationId, source, null);
	}

	/** 1 to {@code maxLength} characters, not blank, no control characters. */
	static boolean usable(String value, int maxLength) {
		return !value.isBlank() && value.length() <= maxLength && value.matches(PostedInteraction.NO_CONTROLS);
	}

	private void record(EventEnvelope<?> event, Interaction interaction) {
		if (this.store.record(interaction)) {
			log.debug("Interaction recorded type={} eventId={} productId={}", interaction.type(), event.id(),
					interaction.productId());
		}
	}

	/** When the shopper acted: the event's {@code occurredAt}, else its envelope's {@code time}. */
	static Instant occurredAt(EventEnvelope<?> event, @Nullable Instant occurredAt) {
		if (occurredAt != null) {
			return occurredAt;
		}
		if (event.time() != null) {
			return event.time();
		}
		throw new MalformedEventException(event, "occurredAt");
	}

	private static @Nullable String session(EventEnvelope<?> event, @Nullable String sessionId) {
		if (sessionId != null && !SessionIds.valid(sessionId)) {
			throw new MalformedEventException(event, "a sessionId of 8 to 64 letters, digits, '-' or '_'");
		}
		return sessionId;
	}

}
