package com.emporium.order.catalog;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A product as the read model has it.
 *
 * @param productId the product's id
 * @param name its name, null only for a product we learnt of by its deletion
 * @param price its price, null only with {@code name}
 * @param currency the ISO 4217 code of the price
 * @param active listed (orderable) in the catalog
 * @param deleted gone from the catalog for good
 * @param stock available stock by SKU as product-service spells it
 */
public record CatalogProduct(UUID productId, @Nullable String name, @Nullable BigDecimal price,
		@Nullable String currency, boolean active, boolean deleted, Map<String, Integer> stock) {

	/** Whether it can be put in a cart or ordered: known, listed and not deleted. */
	public boolean orderable() {
		return !this.deleted && this.active && this.name != null && this.price != null && this.currency != null;
	}

	/** The SKU as stored, found ignoring case. */
	public Optional<String> sku(String sku) {
		return this.stock.keySet().stream().filter(known -> known.equalsIgnoreCase(sku)).findFirst();
	}

	/** The available stock of a SKU, or null when the read model does not know the SKU. */
	public @Nullable Integer available(@Nullable String sku) {
		if (sku == null) {
			return null;
		}
		return sku(sku).map(this.stock::get).orElse(null);
	}

	static String key(String sku) {
		return sku.toLowerCase(Locale.ROOT);
	}

}
