package com.emporium.recommendation.serving;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** What the recommendation endpoints return. */
final class RecommendationViews {

	private RecommendationViews() {
	}

	/**
	 * One served list.
	 * @param recommendationId the list's id: send it back with impressions and clicks
	 * ({@code POST /api/v1/interactions})
	 * @param algorithm what made most of the list
	 * @param context where the list is meant to be shown
	 * @param modelVersion the model version that made it; null when only the catalog's fallbacks did
	 * (no model yet)
	 * @param items best first
	 */
	record RecommendationList(String recommendationId, String algorithm, String context, @Nullable Long modelVersion,
			List<RecommendedItem> items) {
	}

	/**
	 * One recommended product.
	 * @param score the model's score: comparable within one list only (0 for catalog fallbacks)
	 * @param algorithm the model that chose it
	 */
	record RecommendedItem(UUID productId, String name, @Nullable BigDecimal price, @Nullable String currency,
			double score, String algorithm, ReasonView reason) {
	}

	/**
	 * Why it is recommended.
	 * @param code stable, for clients: {@code buy-again}, {@code bought-together}, {@code also-bought},
	 * {@code similar-to}, {@code customers-like-you}, {@code popular}, {@code popular-in-category},
	 * {@code trending}, {@code new-arrival}
	 * @param text for the shopper
	 * @param becauseProductId the product that led to it, if any
	 * @param becauseProductName its name
	 */
	record ReasonView(@Schema(example = "bought-together") String code,
			@Schema(example = "Bought together with Red retrospot lantern") String text,
			@Nullable UUID becauseProductId, @Nullable String becauseProductName) {
	}

}
