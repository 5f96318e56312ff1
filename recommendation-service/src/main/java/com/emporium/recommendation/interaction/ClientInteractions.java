package com.emporium.recommendation.interaction;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.InvalidFieldException;
import com.emporium.recommendation.catalog.CatalogItem;
import com.emporium.recommendation.catalog.CatalogReplica;

import org.springframework.stereotype.Service;

/**
 * Records what clients post ({@link PostedInteraction}) after the checks bean validation cannot
 * make: which fields the type needs, repeated products, and products the catalog does not know
 * (the client can only have got them from us, so these are refused rather than stored). Products
 * deleted since the list was shown are skipped quietly: the client did nothing wrong, and a deleted
 * product teaches nothing. A repeated post stores nothing more: the key is made of type,
 * recommendation, product and caller.
 */
@Service
class ClientInteractions {

	private static final Logger log = LoggerFactory.getLogger(ClientInteractions.class);

	private final InteractionStore store;

	private final CatalogReplica catalog;

	private final PostingRateLimiter rateLimiter;

	private final Clock clock;

	ClientInteractions(InteractionStore store, CatalogReplica catalog, PostingRateLimiter rateLimiter, Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.rateLimiter = rateLimiter;
		this.clock = clock;
	}

	/** @return how many interactions were stored */
	int record(PostedInteraction posted, Poster poster) {
		this.rateLimiter.take(poster.key());
		List<UUID> products = products(posted);
		int first = (posted.position() != null) ? posted.position() : 1;
		if (products.size() > 1 && first + products.size() - 1 > PostedInteraction.MAX_POSITION) {
			throw InvalidFieldException.body("#/position",
					"leaves the last product beyond place " + PostedInteraction.MAX_POSITION);
		}
		Map<UUID, CatalogItem> known = this.catalog.find(products);
		Instant now = this.clock.instant();
		List<Interaction> interactions = new ArrayList<>();
		for (int index = 0; index < products.size(); index++) {
			UUID productId = products.get(index);
			CatalogItem product = known.get(productId);
			if (product == null) {
				throw InvalidFieldException.body(pointer(posted, index), "is not a product in the catalog");
			}
			if (product.deleted()) {
				continue;
			}
			interactions.add(Interaction
				.of(key(posted, productId, poster), posted.type().type, poster.userId(), poster.sessionId(), productId,
						now)
				.withPosition(first + index)
				.withRecommendation(posted.recommendationId(), posted.algorithm(), posted.context().wire));
		}
		int recorded = this.store.recordAll(interactions);
		log.debug("Client interactions recorded type={} recommendationId={} recorded={}", posted.type(),
				posted.recommendationId(), recorded);
		return recorded;
	}

	private static List<UUID> products(PostedInteraction posted) {
		return switch (posted.type()) {
			case RECOMMENDATION_IMPRESSION -> {
				if (posted.productId() != null) {
					throw InvalidFieldException.body("#/productId",
							"must be left out of an impression: list the products shown in productIds");
				}
				if (posted.productIds() == null) {
					throw InvalidFieldException.body("#/productIds", "is required for an impression");
				}
				Set<UUID> seen = new HashSet<>();
				for (int index = 0; index < posted.productIds().size(); index++) {
					if (!seen.add(posted.productIds().get(index))) {
						throw InvalidFieldException.body("#/productIds/" + index, "repeats an earlier product");
					}
				}
				yield posted.productIds();
			}
			case RECOMMENDATION_CLICK -> {
				if (posted.productIds() != null) {
					throw InvalidFieldException.body("#/productIds",
							"must be left out of a click: name the product opened in productId");
				}
				if (posted.productId() == null) {
					throw InvalidFieldException.body("#/productId", "is required for a click");
				}
				if (posted.position() == null) {
					throw InvalidFieldException.body("#/position", "is required for a click");
				}
				yield List.of(posted.productId());
			}
		};
	}

	private static String pointer(PostedInteraction posted, int index) {
		return (posted.productIds() != null) ? "#/productIds/" + index : "#/productId";
	}

	private static UUID key(PostedInteraction posted, UUID productId, Poster poster) {
		String name = String.join(":", posted.type().name(), posted.recommendationId(), productId.toString(),
				poster.key());
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Who posts: a signed-in shopper (with their session, if sent) or an anonymous session.
	 * @param userId the account, or null
	 * @param sessionId the {@code X-Session-Id}, or null
	 */
	record Poster(@Nullable UUID userId, @Nullable String sessionId) {

		/** The budget and the idempotency key go by account when there is one. */
		String key() {
			return (this.userId != null) ? "user:" + this.userId : "session:" + this.sessionId;
		}

	}

}
