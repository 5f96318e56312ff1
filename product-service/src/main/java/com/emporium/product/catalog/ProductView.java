package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A product as clients see it.
 *
 * @param version what to send back as {@code version} (or {@code If-Match}) when changing it
 * @param averageRating null until reviews exist
 * @param convertedPrice the price in the currency asked for with {@code ?currency=}, else left out
 */
record ProductView(UUID id, UUID storeId, String name, String slug, @Nullable String brand,
		@Nullable String description, Money price, @Nullable Money compareAtPrice, @Nullable UUID categoryId,
		List<String> tags, Map<String, String> attributes, List<Image> images, List<VariantView> variants,
		boolean inStock, boolean active, @Nullable BigDecimal averageRating, int reviewCount, Instant createdAt,
		Instant updatedAt, long version,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ConvertedPrice convertedPrice) {

	/** With the price converted into {@code currency}; as it is when {@code currency} is null. */
	ProductView convertedTo(@Nullable String currency, CurrencyConverter converter) {
		if (currency == null) {
			return this;
		}
		return new ProductView(this.id, this.storeId, this.name, this.slug, this.brand, this.description, this.price,
				this.compareAtPrice, this.categoryId, this.tags, this.attributes, this.images, this.variants,
				this.inStock, this.active, this.averageRating, this.reviewCount, this.createdAt, this.updatedAt,
				this.version, converter.convert(this.price, this.compareAtPrice, currency));
	}

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
				product.version(), null);
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
