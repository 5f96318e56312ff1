package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A product with one variant, as a bulk import (or the demo catalog) has it: one line of a file.
 * {@link Catalog#createFromRow} checks it with the rules of {@code POST /products} and names a
 * broken rule by the JSON pointer that request would have ({@code #/price/amount},
 * {@code #/variants/0/sku}).
 */
public record ProductRow(String name, @Nullable String slug, @Nullable String brand, @Nullable String description,
		BigDecimal price, String currency, @Nullable BigDecimal compareAtPrice, @Nullable UUID categoryId,
		List<String> tags, String sku, long stock, Map<String, String> options, @Nullable String imageUrl,
		boolean active) {

	CreateProductRequest toRequest(UUID storeId) {
		return new CreateProductRequest(storeId, this.name, this.slug, this.brand, this.description,
				new Money(this.price, this.currency),
				(this.compareAtPrice != null) ? new Money(this.compareAtPrice, this.currency) : null, this.categoryId,
				this.tags, Map.of(), (this.imageUrl != null) ? List.of(new ImageRequest(this.imageUrl, null, true)) : null,
				List.of(new VariantRequest(this.sku, this.options, null, this.stock)), this.active);
	}

}
