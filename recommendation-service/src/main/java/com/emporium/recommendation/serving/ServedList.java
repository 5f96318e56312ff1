package com.emporium.recommendation.serving;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A list of recommendations as it was served, in {@code served_lists} (expired after
 * {@code served-list-retention}): what attribution needs to credit impressions, clicks and what
 * followed to the algorithm that chose each product and to the A/B variant.
 *
 * @param recommendationId the id returned with the list
 * @param userId the signed-in shopper, if any
 * @param sessionId the anonymous shopper's session, if sent
 * @param context where the list was meant to be shown
 * @param variant the A/B variant: {@code A} (the active version) or {@code B}
 * @param modelVersion the version that made it; null for catalog fallbacks only
 * @param algorithm the list's main algorithm
 * @param items each product and the algorithm that chose it, in order
 * @param servedAt when
 */
@Document("served_lists")
public record ServedList(@Id String recommendationId, @Nullable UUID userId, @Nullable String sessionId,
		String context, String variant, @Nullable Long modelVersion, String algorithm, List<ServedItem> items,
		Instant servedAt) {

	/** The algorithm that chose a product of the list, or null if it was not in it. */
	public @Nullable String algorithmOf(UUID productId) {
		for (ServedItem item : this.items) {
			if (item.productId().equals(productId)) {
				return item.algorithm();
			}
		}
		return null;
	}

	/** One product of a served list. */
	public record ServedItem(UUID productId, String algorithm) {
	}

}
