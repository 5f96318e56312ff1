package com.emporium.recommendation.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product as the recommender knows it; the id is the catalog's product id. Small on purpose (no
 * description, no images, stock per variant kept apart in {@link CatalogStock}), so that the whole
 * replica fits in memory. Events of one product come on several topics in no set order, so a
 * document may first be a stub (a {@code StockChanged} or {@code ProductDeleted} before its
 * {@code ProductCreated}): then it has no name yet and {@code version} is -1.
 *
 * @param categoryName the category's name from the same event as {@code categoryId}; null when
 * that event had none (no category, or a producer from before the field)
 * @param version the product-service version of the fields name to active: 0 from
 * {@code ProductCreated}, then each {@code ProductUpdated}'s; an older one is ignored
 * @param deleted set once by {@code ProductDeleted} and never cleared: old interactions still
 * resolve the product, recommendations must skip it
 * @param inStock whether any variant has stock (null until a {@code StockChanged} said)
 * @param changedAt when this service last wrote it: serving caches refresh what changed since
 */
@Document("catalog_products")
record CatalogProduct(@Id UUID id, @Nullable String name, @Nullable String brand, @Nullable UUID categoryId,
		@Nullable String categoryName, @Nullable List<String> tags, @Nullable BigDecimal price, @Nullable String currency, @Nullable Boolean active,
		@Nullable Boolean deleted, @Nullable Boolean inStock, @Nullable Instant createdAt,
		@Nullable Instant deletedAt, @Nullable Long version, @Nullable Instant changedAt) {

	CatalogItem item() {
		return new CatalogItem(this.id, this.name, this.brand, this.categoryId, this.categoryName,
				(this.tags != null) ? List.copyOf(this.tags) : List.of(), this.price, this.currency,
				!Boolean.FALSE.equals(this.active), Boolean.TRUE.equals(this.deleted), Boolean.TRUE.equals(this.inStock),
				Boolean.FALSE.equals(this.inStock), this.createdAt);
	}

}
