package com.emporium.recommendation.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A product of the replica, as other features read it.
 *
 * @param id the product id
 * @param name null while only a stock or deletion event has arrived for it
 * @param brand the brand, if any
 * @param categoryId the category, if any
 * @param categoryName the category's name as product-service last announced it; null without a
 * category, or when no event named it yet
 * @param tags the tags (empty until a {@code ProductUpdated} named them)
 * @param price the price, in {@code currency}
 * @param currency ISO 4217
 * @param active listed in the catalog
 * @param deleted gone from the catalog: never recommend it
 * @param inStock whether any variant has stock
 * @param outOfStock whether stock events said that no variant has stock (false while none came: a
 * product without variants, or one whose stock event is still on its way)
 * @param createdAt when it was created
 */
public record CatalogItem(UUID id, @Nullable String name, @Nullable String brand, @Nullable UUID categoryId,
		@Nullable String categoryName, List<String> tags, @Nullable BigDecimal price, @Nullable String currency, boolean active, boolean deleted,
		boolean inStock, boolean outOfStock, @Nullable Instant createdAt) {

	/** Whether a shopper can be shown it: known by name, listed, not deleted. */
	public boolean recommendable() {
		return this.name != null && this.active && !this.deleted;
	}

	/**
	 * Whether it may be recommended: shown to shoppers and not known to be out of stock. Unknown
	 * stock counts as available, so a product is not hidden while its stock event is on its way.
	 */
	public boolean available() {
		return recommendable() && !this.outOfStock;
	}

}
