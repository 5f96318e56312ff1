package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which products a list or a search shows, checked and resolved from {@link Criteria}; null or
 * empty means "any".
 *
 * @param categories the category and those beneath it
 * @param tags products must have every one, lower case
 * @param includeInactive unlisted products too (their owners and staff only)
 */
record ProductFilter(@Nullable Set<UUID> categories, @Nullable String brand, @Nullable BigDecimal minPrice,
		@Nullable BigDecimal maxPrice, @Nullable String currency, boolean inStock, @Nullable UUID storeId,
		List<String> tags, boolean includeInactive) {

	/** The filters one by one; a search counts its facets with all but the facet's own. */
	enum Condition {

		LISTED, CATEGORY, BRAND, PRICE, CURRENCY, IN_STOCK, STORE, TAGS

	}

	/** The whole filter as one SQL condition on {@code products p}, its values bound in {@code parameters}. */
	String where(MapSqlParameterSource parameters) {
		return String.join(" AND ", conditions(parameters).values());
	}

	/**
	 * One SQL condition on {@code products p} per filter that is set (deleted products are never
	 * shown, so {@link Condition#LISTED} is always there); every value is a bind parameter.
	 */
	Map<Condition, String> conditions(MapSqlParameterSource parameters) {
		Map<Condition, String> conditions = new EnumMap<>(Condition.class);
		conditions.put(Condition.LISTED, this.includeInactive ? "p.deleted_at IS NULL" : "p.deleted_at IS NULL AND p.active");
		if (this.categories != null) {
			conditions.put(Condition.CATEGORY, "p.category_id IN (:categories)");
			parameters.addValue("categories", this.categories);
		}
		if (this.brand != null) {
			conditions.put(Condition.BRAND, "lower(p.brand) = lower(:brand)");
			parameters.addValue("brand", this.brand);
		}
		if (this.minPrice != null && this.maxPrice != null) {
			conditions.put(Condition.PRICE, "p.price_amount BETWEEN :minPrice AND :maxPrice");
		}
		else if (this.minPrice != null) {
			conditions.put(Condition.PRICE, "p.price_amount >= :minPrice");
		}
		else if (this.maxPrice != null) {
			conditions.put(Condition.PRICE, "p.price_amount <= :maxPrice");
		}
		parameters.addValue("minPrice", this.minPrice);
		parameters.addValue("maxPrice", this.maxPrice);
		if (this.currency != null) {
			conditions.put(Condition.CURRENCY, "p.price_currency = :currency");
			parameters.addValue("currency", this.currency);
		}
		if (this.inStock) {
			conditions.put(Condition.IN_STOCK, "p.in_stock");
		}
		if (this.storeId != null) {
			conditions.put(Condition.STORE, "p.store_id = :storeId");
			parameters.addValue("storeId", this.storeId);
		}
		if (!this.tags.isEmpty()) {
			conditions.put(Condition.TAGS, "p.tags @> CAST(:tags AS TEXT[])");
			parameters.addValue("tags", this.tags.toArray(String[]::new));
		}
		return conditions;
	}

}
