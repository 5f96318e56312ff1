package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.Caller;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.ProblemException;
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

	private static final JsonColumns.ImagesConverter IMAGES = new JsonColumns.ImagesConverter();

	private final NamedParameterJdbcTemplate jdbc;

	private final StoreDirectory stores;

	private final CategoryTree categories;

	ProductSearch(NamedParameterJdbcTemplate jdbc, StoreDirectory stores, CategoryTree categories) {
		this.jdbc = jdbc;
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

	/**
	 * The summaries of these products, in this order (ids of products since deleted are left out).
	 * One query on the columns a summary shows, without loading the products and their variants:
	 * a search's page is read fresh on every request, also when its matches come from the cache.
	 */
	List<ProductSummary> summaries(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, ProductSummary> found = new HashMap<>();
		this.jdbc.query("SELECT p.id, p.store_id, p.name, p.slug, p.brand, p.price_amount, p.price_currency,"
				+ " p.compare_at_amount, p.category_id, p.tags, p.images, p.in_stock, p.active, p.rating_average,"
				+ " p.review_count, p.view_count, p.created_at FROM products p"
				+ " WHERE p.id IN (:ids) AND p.deleted_at IS NULL", Map.of("ids", ids), row -> {
					ProductSummary summary = summary(row);
					found.put(summary.id(), summary);
				});
		return ids.stream().map(found::get).filter(Objects::nonNull).toList();
	}

	private static ProductSummary summary(ResultSet row) throws SQLException {
		String currency = row.getString("price_currency");
		BigDecimal compareAt = row.getBigDecimal("compare_at_amount");
		Array tags = row.getArray("tags");
		String primaryImage = IMAGES.convertToEntityAttribute(row.getString("images"))
			.stream()
			.filter(Image::primary)
			.map(Image::url)
			.findFirst()
			.orElse(null);
		return new ProductSummary(row.getObject("id", UUID.class), row.getObject("store_id", UUID.class),
				row.getString("name"), row.getString("slug"), row.getString("brand"),
				new Money(Product.amount(row.getBigDecimal("price_amount")), currency),
				(compareAt != null) ? new Money(Product.amount(compareAt), currency) : null,
				row.getObject("category_id", UUID.class),
				(tags != null) ? List.of((String[]) tags.getArray()) : List.of(), primaryImage,
				row.getBoolean("in_stock"), row.getBoolean("active"), row.getBigDecimal("rating_average"),
				row.getInt("review_count"), row.getLong("view_count"), row.getTimestamp("created_at").toInstant(),
				null);
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
