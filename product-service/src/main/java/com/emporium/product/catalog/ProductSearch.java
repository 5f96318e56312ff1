package com.emporium.product.catalog;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the ids of the products a list shows, in SQL: filters that JPQL says badly (tags contained
 * in an array, stock in any variant) stay readable, and every value is a bind parameter. Full-text
 * search comes later, elsewhere.
 */
@Component
class ProductSearch {

	private final NamedParameterJdbcTemplate jdbc;

	ProductSearch(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Page<UUID> find(ProductFilter filter, ProductFilter.Order order, Pageable pageable) {
		StringBuilder where = new StringBuilder(" FROM products p WHERE p.deleted_at IS NULL");
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		if (!filter.includeInactive()) {
			where.append(" AND p.active");
		}
		if (filter.categories() != null) {
			where.append(" AND p.category_id IN (:categories)");
			parameters.addValue("categories", filter.categories());
		}
		if (filter.brand() != null) {
			where.append(" AND lower(p.brand) = lower(:brand)");
			parameters.addValue("brand", filter.brand());
		}
		if (filter.minPrice() != null) {
			where.append(" AND p.price_amount >= :minPrice");
			parameters.addValue("minPrice", filter.minPrice());
		}
		if (filter.maxPrice() != null) {
			where.append(" AND p.price_amount <= :maxPrice");
			parameters.addValue("maxPrice", filter.maxPrice());
		}
		if (filter.currency() != null) {
			where.append(" AND p.price_currency = :currency");
			parameters.addValue("currency", filter.currency());
		}
		if (filter.inStock()) {
			where.append(" AND EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.stock > 0)");
		}
		if (filter.storeId() != null) {
			where.append(" AND p.store_id = :storeId");
			parameters.addValue("storeId", filter.storeId());
		}
		if (!filter.tags().isEmpty()) {
			where.append(" AND p.tags @> CAST(:tags AS TEXT[])");
			parameters.addValue("tags", filter.tags().toArray(String[]::new));
		}
		Long total = this.jdbc.queryForObject("SELECT count(*)" + where, parameters, Long.class);
		if (total == null || total == 0 || pageable.getOffset() >= total) {
			return new PageImpl<>(List.of(), pageable, (total != null) ? total : 0);
		}
		parameters.addValue("limit", pageable.getPageSize());
		parameters.addValue("offset", pageable.getOffset());
		List<UUID> ids = this.jdbc.queryForList(
				"SELECT p.id" + where + " ORDER BY " + order.sql + " LIMIT :limit OFFSET :offset", parameters,
				UUID.class);
		return new PageImpl<>(ids, pageable, total);
	}

}
