package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A product in a list: what a listing page shows.
 *
 * @param viewCount counted views (repeat views by one viewer within a while count once)
 */
public record ProductSummary(UUID id, UUID storeId, String name, String slug, @Nullable String brand, Money price,
		@Nullable Money compareAtPrice, @Nullable UUID categoryId, List<String> tags, @Nullable String primaryImage,
		boolean inStock, boolean active, @Nullable BigDecimal averageRating, int reviewCount, long viewCount,
		Instant createdAt) {

	static ProductSummary of(Product product) {
		String primaryImage = product.images()
			.stream()
			.filter(Image::primary)
			.map(Image::url)
			.findFirst()
			.orElse(null);
		return new ProductSummary(product.id(), product.storeId(), product.name(), product.slug(), product.brand(),
				product.price(), product.compareAtPrice(), product.categoryId(), product.tags(), primaryImage,
				product.inStock(), product.active(), product.ratingAverage(), product.reviewCount(),
				product.viewCount(), product.createdAt());
	}

}
