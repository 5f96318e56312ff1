package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.emporium.product.Caller;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches listed products: PostgreSQL full-text search over a weighted document (name, then brand
 * and tags, then description; the {@code english} configuration), ranked by {@code ts_rank_cd},
 * with names similar to the query ({@code pg_trgm} word similarity) let in when the full-text match
 * finds nothing (a typo, or only stop words): blending them in when it finds a few made precise
 * queries imprecise ("oak chair" also found "oak table"). One statement finds the page and counts the
 * total and every facet over one scan of the matches. Also completes what a shopper types.
 */
@Service
public class ProductFinder {

	static final int TOP_BRANDS = 20;

	private static final String DOCUMENT_MATCH = "p.search_document @@ websearch_to_tsquery('english', :q)";

	private static final String DOCUMENT_RANK = "ts_rank_cd(p.search_document, websearch_to_tsquery('english', :q))";

	private static final String BANDS = Facets.BANDS.stream()
		.map(BigDecimal::toPlainString)
		.collect(Collectors.joining(",", "ARRAY[", "]::NUMERIC[]"));

	private final NamedParameterJdbcTemplate jdbc;

	private final ProductSearch search;

	private final Products products;

	ProductFinder(NamedParameterJdbcTemplate jdbc, ProductSearch search, Products products) {
		this.jdbc = jdbc;
		this.search = search;
		this.products = products;
	}

	/** How a query is matched. */
	public enum Matching {

		/** Full-text search, with similar names let in when it finds nothing. */
		FULL_TEXT("(" + DOCUMENT_MATCH + ")", DOCUMENT_RANK),

		/** Full text or a similar name (word similarity of the query to the name). */
		TYPO_TOLERANT("(" + DOCUMENT_MATCH + " OR :q <% p.name)", DOCUMENT_RANK + " + word_similarity(:q, p.name)"),

		/**
		 * {@code ILIKE '%query%'} on name, brand, tags and description, unindexed: the baseline a
		 * benchmark compares full-text search against. Name matches rank first.
		 */
		ILIKE("(p.name ILIKE :like OR p.brand ILIKE :like OR p.description ILIKE :like "
				+ "OR array_to_string(p.tags, ' ') ILIKE :like)", "CASE WHEN p.name ILIKE :like THEN 1 ELSE 0 END");

		private final String match;

		private final String rank;

		Matching(String match, String rank) {
			this.match = match;
			this.rank = rank;
		}

	}

	/**
	 * A page of the listed products that match a query and the criteria, with the total and the
	 * facets.
	 * @param query text as a shopper types it: words, "quoted phrases", {@code -excluded} and
	 * {@code or} ({@code websearch_to_tsquery} syntax, which never fails on odd input)
	 */
	@Transactional(readOnly = true)
	public FoundProducts search(String query, Criteria criteria, ProductSort sort, Matching matching,
			Pageable pageable) {
		ProductFilter filter = this.search.filter(criteria, false, Caller.ANONYMOUS);
		Found found = find(query, filter, sort, matching, pageable);
		boolean typoTolerant = false;
		if (matching == Matching.FULL_TEXT && found.total() == 0) {
			found = find(query, filter, sort, Matching.TYPO_TOLERANT, pageable);
			typoTolerant = true;
		}
		return new FoundProducts(this.search.summaries(found.ids()), found.total(), found.facets(), typoTolerant);
	}

	/**
	 * The most viewed listed products, most first (ties: newest first).
	 * @param category that category and those beneath it (400 naming {@code category} when unknown)
	 */
	@Transactional(readOnly = true)
	public List<ProductSummary> mostPopular(@Nullable UUID category, int limit) {
		ProductFilter filter = this.search.filter(Criteria.category(category), false, Caller.ANONYMOUS);
		return this.search.summaries(this.search.find(filter, ProductSort.POPULARITY, PageRequest.of(0, limit))
			.getContent());
	}

	/** Whether a product is listed (exists, not deleted, not unlisted). */
	@Transactional(readOnly = true)
	public boolean isListed(UUID productId) {
		return this.products.findLive(productId).filter(Product::active).isPresent();
	}

	/**
	 * Entries that name products (a wishlist's, recently viewed), each with its product's summary,
	 * in their order; entries whose product was deleted are left out. One query for all.
	 */
	@Transactional(readOnly = true)
	public <E, T> List<T> withSummaries(List<E> entries, Function<E, UUID> productId,
			BiFunction<E, ProductSummary, T> combine) {
		Map<UUID, ProductSummary> found = this.search.summaries(entries.stream().map(productId).toList())
			.stream()
			.collect(Collectors.toMap(ProductSummary::id, Function.identity()));
		return entries.stream()
			.filter(entry -> found.containsKey(productId.apply(entry)))
			.map(entry -> combine.apply(entry, found.get(productId.apply(entry))))
			.toList();
	}

	/**
	 * Up to {@code limit} completions: listed products whose name starts with the text, brands that
	 * start with it, then products whose name has a word similar to it (typos). Each is served by an
	 * index.
	 */
	@Transactional(readOnly = true)
	public List<Suggestion> suggest(String text, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("q", text)
			.addValue("prefix", escapeLike(text.toLowerCase(Locale.ROOT)) + "%")
			.addValue("limit", limit);
		String listed = "p.deleted_at IS NULL AND p.active";
		String sql = "(SELECT p.name AS text, 'product' AS kind, p.id AS id FROM products p WHERE " + listed
				+ " AND lower(p.name) LIKE :prefix ORDER BY lower(p.name) LIMIT :limit)"
				+ " UNION ALL (SELECT min(p.brand), 'brand', NULL FROM products p WHERE " + listed
				+ " AND lower(p.brand) LIKE :prefix GROUP BY lower(p.brand) ORDER BY lower(p.brand) LIMIT :limit)"
				+ " UNION ALL (SELECT p.name, 'product', p.id FROM products p WHERE " + listed
				+ " AND :q <% p.name ORDER BY word_similarity(:q, p.name) DESC, p.name LIMIT :limit)";
		Map<String, Suggestion> suggestions = new LinkedHashMap<>();
		this.jdbc.query(sql, parameters, row -> {
			Suggestion suggestion = new Suggestion(row.getString("text"), row.getString("kind"),
					row.getObject("id", UUID.class));
			suggestions.putIfAbsent(suggestion.kind() + ":" + suggestion.text().toLowerCase(Locale.ROOT), suggestion);
		});
		return suggestions.values().stream().limit(limit).toList();
	}

	private Found find(String query, ProductFilter filter, ProductSort sort, Matching matching, Pageable pageable) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("q", query)
			.addValue("like", "%" + escapeLike(query) + "%")
			.addValue("limit", pageable.getPageSize())
			.addValue("offset", pageable.getOffset());
		Map<ProductFilter.Condition, String> conditions = new LinkedHashMap<>(filter.conditions(parameters));
		// The facets' own filters become flags: each facet counts with all the others.
		String category = flag(conditions.remove(ProductFilter.Condition.CATEGORY));
		String brand = flag(conditions.remove(ProductFilter.Condition.BRAND));
		String price = flag(conditions.remove(ProductFilter.Condition.PRICE));
		String stock = flag(conditions.remove(ProductFilter.Condition.IN_STOCK));
		String where = String.join(" AND ", conditions.values()) + " AND " + matching.match;
		// Ranking reads every match's document: only worth it when the order asks for it.
		String rank = (sort == ProductSort.RELEVANCE) ? matching.rank : "0";
		String sql = "WITH matched AS MATERIALIZED (SELECT p.id, p.category_id, p.brand, p.price_amount, p.in_stock,"
				+ " p.created_at, p.view_count, p.rating_average, p.review_count, " + rank + " AS rank, "
				+ category + " AS category_ok, " + brand + " AS brand_ok, " + price + " AS price_ok, " + stock
				+ " AS stock_ok FROM products p WHERE " + where + ")"
				+ " (SELECT 'item' AS facet, p.id::text AS value, NULL AS label, 0::bigint AS count FROM matched p"
				+ " WHERE p.category_ok AND p.brand_ok AND p.price_ok AND p.stock_ok ORDER BY " + sort.sql
				+ " LIMIT :limit OFFSET :offset)"
				+ " UNION ALL SELECT 'total', NULL, NULL, count(*) FROM matched p"
				+ " WHERE p.category_ok AND p.brand_ok AND p.price_ok AND p.stock_ok"
				+ " UNION ALL SELECT 'category', p.category_id::text, NULL, count(*) FROM matched p"
				+ " WHERE p.brand_ok AND p.price_ok AND p.stock_ok GROUP BY p.category_id"
				+ " UNION ALL (SELECT 'brand', lower(p.brand), min(p.brand), count(*) FROM matched p"
				+ " WHERE p.brand IS NOT NULL AND p.category_ok AND p.price_ok AND p.stock_ok GROUP BY lower(p.brand)"
				+ " ORDER BY count(*) DESC, lower(p.brand) LIMIT " + TOP_BRANDS + ")"
				+ " UNION ALL SELECT 'price', width_bucket(p.price_amount, " + BANDS + ")::text, NULL, count(*)"
				+ " FROM matched p WHERE p.category_ok AND p.brand_ok AND p.stock_ok GROUP BY 2"
				+ " UNION ALL SELECT 'stock', p.in_stock::text, NULL, count(*) FROM matched p"
				+ " WHERE p.category_ok AND p.brand_ok AND p.price_ok GROUP BY p.in_stock";
		List<UUID> ids = new ArrayList<>();
		List<Facets.CategoryCount> categories = new ArrayList<>();
		List<Facets.BrandCount> brands = new ArrayList<>();
		List<Facets.PriceBand> bands = new ArrayList<>();
		long[] totals = new long[3];
		this.jdbc.query(sql, parameters, row -> {
			String value = row.getString("value");
			long count = row.getLong("count");
			switch (row.getString("facet")) {
				case "item" -> ids.add(UUID.fromString(value));
				case "total" -> totals[0] = count;
				case "category" -> categories.add(new Facets.CategoryCount(
						(value != null) ? UUID.fromString(value) : null, count));
				case "brand" -> brands.add(new Facets.BrandCount(row.getString("label"), count));
				case "price" -> bands.add(Facets.PriceBand.of(Integer.parseInt(value), count));
				case "stock" -> totals[Boolean.parseBoolean(value) ? 1 : 2] = count;
				default -> throw new IllegalStateException("Unknown facet row");
			}
		});
		categories.sort((a, b) -> Long.compare(b.count(), a.count()));
		bands.sort((a, b) -> a.from().compareTo(b.from()));
		return new Found(ids, totals[0], new Facets(categories, brands, bands,
				new Facets.Availability(totals[1], totals[2])));
	}

	private static String flag(@Nullable String condition) {
		return (condition != null) ? "(" + condition + ")" : "TRUE";
	}

	/** A LIKE pattern that matches the text literally: its own {@code %}, {@code _} and {@code \} escaped. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private record Found(List<UUID> ids, long total, Facets facets) {
	}

}
