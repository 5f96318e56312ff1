package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A product as clients see it.
 *
 * @param version what to send back as {@code version} (or {@code If-Match}) when changing it
 * @param averageRating null until reviews exist
 */
record ProductView(UUID id, UUID storeId, String name, String slug, @Nullable String brand,
		@Nullable String description, Money price, @Nullable Money compareAtPrice, @Nullable UUID categoryId,
		List<String> tags, Map<String, String> attributes, List<Image> images, List<VariantView> variants,
		boolean inStock, boolean active, @Nullable BigDecimal averageRating, int reviewCount, Instant createdAt,
		Instant updatedAt, long version) {

	static ProductView of(Product product) {
		List<VariantView> variants = product.variants()
			.stream()
			.map(variant -> new VariantView(variant.sku(), variant.options(),
					(variant.priceAmount() != null) ? product.priceOf(variant) : null, product.priceOf(variant),
					variant.stock()))
			.toList();
		return new ProductView(product.id(), product.storeId(), product.name(), product.slug(), product.brand(),
				product.description(), product.price(), product.compareAtPrice(), product.categoryId(),
				product.tags(), product.attributes(), product.images(), variants, product.inStock(), product.active(),
				product.ratingAverage(), product.reviewCount(), product.createdAt(), product.updatedAt(),
				product.version());
	}

	/**
	 * A variant as clients see it.
	 *
	 * @param price its own price, or null when it sells at the product's
	 * @param effectivePrice what it sells at
	 */
	record VariantView(String sku, Map<String, String> options, @Nullable Money price, Money effectivePrice,
			int stock) {
	}

}
