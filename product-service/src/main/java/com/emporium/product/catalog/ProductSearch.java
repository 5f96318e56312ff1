package com.emporium.product.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.ProblemException;
import com.emporium.product.Caller;
import com.emporium.product.InvalidFieldException;
import com.emporium.product.categories.CategoryTree;
import com.emporium.product.stores.StoreDirectory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the ids of the products a list shows, in SQL: filters that JPQL says badly (tags contained
 * in an array) stay readable, and every value is a bind parameter. Lists and searches check their
 * {@link Criteria} here, the same way, and load the summaries they show here.
 */
@Component
class ProductSearch {

	private final NamedParameterJdbcTemplate jdbc;

	private final Products products;

	private final StoreDirectory stores;

	private final CategoryTree categories;

	ProductSearch(NamedParameterJdbcTemplate jdbc, Products products, StoreDirectory stores,
			CategoryTree categories) {
		this.jdbc = jdbc;
		this.products = products;
		this.stores = stores;
		this.categories = categories;
	}

	/**
	 * Checks criteria and resolves them into a filter: a known category (with those beneath it), a
	 * known store, {@code minPrice} not above {@code maxPrice}.
	 * @param includeInactive unlisted products too: staff, or a store's owner for their store
	 */
	ProductFilter filter(Criteria criteria, boolean includeInactive, Caller caller) {
		if (criteria.minPrice() != null && criteria.maxPrice() != null
				&& criteria.minPrice().compareTo(criteria.maxPrice()) > 0) {
			throw InvalidFieldException.parameter("minPrice", "must not be above maxPrice");
		}
		Set<UUID> categoryIds = null;
		if (criteria.category() != null) {
			categoryIds = this.categories.subtree(criteria.category())
				.orElseThrow(() -> InvalidFieldException.parameter("category", "does not exist"));
		}
		UUID storeOwner = null;
		if (criteria.store() != null) {
			storeOwner = this.stores.ownerOf(criteria.store())
				.orElseThrow(() -> InvalidFieldException.parameter("store", "does not exist"));
		}
		if (includeInactive && !caller.isStaff() && (storeOwner == null || !caller.is(storeOwner))) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
					"Only admins, managers, or a store's owner listing that store, see unlisted products.");
		}
		List<String> tags = criteria.tags()
			.stream()
			.map(tag -> tag.strip().toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
		return new ProductFilter(categoryIds, blankToNull(criteria.brand()), criteria.minPrice(),
				criteria.maxPrice(), criteria.priceCurrency(), criteria.inStock(), criteria.store(), tags, includeInactive);
	}

	Page<UUID> find(ProductFilter filter, ProductSort sort, Pageable pageable) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = " FROM products p WHERE " + filter.where(parameters);
		Long total = this.jdbc.queryForObject("SELECT count(*)" + where, parameters, Long.class);
		if (total == null || total == 0 || pageable.getOffset() >= total) {
			return new PageImpl<>(List.of(), pageable, (total != null) ? total : 0);
		}
		parameters.addValue("limit", pageable.getPageSize());
		parameters.addValue("offset", pageable.getOffset());
		List<UUID> ids = this.jdbc.queryForList(
				"SELECT p.id" + where + " ORDER BY " + sort.sql + " LIMIT :limit OFFSET :offset", parameters,
				UUID.class);
		return new PageImpl<>(ids, pageable, total);
	}

	/** The summaries of these products, in this order (ids of products since deleted are left out). */
	List<ProductSummary> summaries(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, Product> found = this.products.findAllByIds(ids)
			.stream()
			.filter(product -> product.deletedAt() == null)
			.collect(Collectors.toMap(Product::id, Function.identity()));
		return ids.stream().map(found::get).filter(Objects::nonNull).map(ProductSummary::of).toList();
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
