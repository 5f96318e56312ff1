package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which products a list shows; null or empty means "any".
 *
 * @param categories the category and those beneath it
 * @param tags products must have every one
 * @param includeInactive unlisted products too (their owners and staff only)
 */
record ProductFilter(@Nullable Set<UUID> categories, @Nullable String brand, @Nullable BigDecimal minPrice,
		@Nullable BigDecimal maxPrice, @Nullable String currency, boolean inStock, @Nullable UUID storeId,
		List<String> tags, boolean includeInactive) {

	/** How a list is ordered. */
	enum Order {

		/** Newest first (the default). */
		NEWEST("p.created_at DESC, p.id DESC"),

		/** Cheapest first, comparing amounts whatever the currency. */
		PRICE_ASC("p.price_amount ASC, p.created_at DESC, p.id DESC"),

		/** Dearest first. */
		PRICE_DESC("p.price_amount DESC, p.created_at DESC, p.id DESC");

		final String sql;

		Order(String sql) {
			this.sql = sql;
		}

		static Order of(String parameter) {
			return switch (parameter) {
				case "price-asc" -> PRICE_ASC;
				case "price-desc" -> PRICE_DESC;
				default -> NEWEST;
			};
		}

	}

}
