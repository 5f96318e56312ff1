package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A product in a list: what a listing page shows.
 *
 * @param viewCount counted views (repeat views by one viewer within a while count once)
 * @param convertedPrice the price in the currency asked for with {@code ?currency=}, else left out
 */
public record ProductSummary(UUID id, UUID storeId, String name, String slug, @Nullable String brand, Money price,
		@Nullable Money compareAtPrice, @Nullable UUID categoryId, List<String> tags, @Nullable String primaryImage,
		boolean inStock, boolean active, @Nullable BigDecimal averageRating, int reviewCount, long viewCount,
		Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ConvertedPrice convertedPrice) {

	/** With the price converted into {@code currency}; as it is when {@code currency} is null. */
	public ProductSummary convertedTo(@Nullable String currency, CurrencyConverter converter) {
		if (currency == null) {
			return this;
		}
		return new ProductSummary(this.id, this.storeId, this.name, this.slug, this.brand, this.price,
				this.compareAtPrice, this.categoryId, this.tags, this.primaryImage, this.inStock, this.active,
				this.averageRating, this.reviewCount, this.viewCount, this.createdAt,
				converter.convert(this.price, this.compareAtPrice, currency));
	}

}
