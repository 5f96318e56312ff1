package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.Caller;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Searches listed products: PostgreSQL full-text search over a weighted document (name, then brand
 * and tags, then description; the {@code english} configuration), ranked by {@code ts_rank} (which
 * weighs where a word is found, and how close together the words of the query are),
 * with names similar to the query ({@code pg_trgm} word similarity) let in when the full-text match
 * finds nothing (a typo, or only stop words): blending them in when it finds a few made precise
 * queries imprecise ("oak chair" also found "oak table"). One statement finds the page and the
 * total; a second, at the same time, counts every facet in one pass over at most a limit of
 * matches (see {@link #match}). Also completes what a shopper types.
 */
@Service
public class ProductFinder {

	static final int TOP_BRANDS = 20;

	/**
	 * The query, parsed once per statement: a sub-select is an init plan, evaluated once. Written
	 * inline, {@code websearch_to_tsquery} with a bind parameter is parsed again for every row once
	 * PostgreSQL switches the prepared statement to a generic plan (after five executions), which
	 * doubled the time of broad searches.
	 */
	private static final String DOCUMENT_QUERY = "(SELECT websearch_to_tsquery('english', :q))";

	private static final String DOCUMENT_MATCH = "p.search_document @@ " + DOCUMENT_QUERY;

	/**
	 * {@code ts_rank}, not {@code ts_rank_cd}: on 101,000 products the cover-density rank doubled the
	 * time of a broad search (every match is ranked), for the same top ten on most shop queries.
	 */
	private static final String DOCUMENT_RANK = "ts_rank(p.search_document, " + DOCUMENT_QUERY + ")";

	private static final String BANDS = Facets.BANDS.stream()
		.map(BigDecimal::toPlainString)
		.collect(Collectors.joining(",", "ARRAY[", "]::NUMERIC[]"));

	private final NamedParameterJdbcTemplate jdbc;

	private final ProductSearch search;

	private final Products products;

	/** Where the facets are counted while the page is found: a virtual thread each. */
	private final ExecutorService facetThreads = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("search-facets-", 0).factory());

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
	 * Which listed products match a query and the criteria: a page of their ids, the total and the
	 * facets (what a search computes; {@link #summaries} then reads the page's products). The page
	 * and the facets are two statements run at the same time, each on its own connection: a broad
	 * query spends about as long on each (tens of milliseconds over 100,000 products), so its answer
	 * takes the longer of the two rather than their sum. Hence not to be called in a transaction:
	 * a caller holding a connection while the facets wait for another could, with every pooled
	 * connection so held, wait for good.
	 * @param query text as a shopper types it: words, "quoted phrases", {@code -excluded} and
	 * {@code or} ({@code websearch_to_tsquery} syntax, which never fails on odd input)
	 * @param facetLimit the most matches the facets count: beyond it they count the first
	 * {@code facetLimit} matches found (in storage order, not the best ranked: ranking every match
	 * again would cost what the cap saves) and say {@link Facets#capped() capped}. The page and the
	 * total are always exact.
	 */
	public Matches match(String query, Criteria criteria, ProductSort sort, Matching matching, Pageable pageable,
			int facetLimit) {
		Assert.state(!TransactionSynchronizationManager.isActualTransactionActive(),
				"ProductFinder.match runs its two statements on connections of their own: call it outside a transaction");
		ProductFilter filter = this.search.filter(criteria, false, Caller.ANONYMOUS);
		Future<Facets> facets = this.facetThreads.submit(() -> facets(query, filter, matching, facetLimit));
		Page page = page(query, filter, sort, matching, pageable);
		if (matching == Matching.FULL_TEXT && page.total() == 0) {
			// Nothing matched, so the facets counted nothing: count again what the fallback lets in.
			facets = this.facetThreads.submit(() -> facets(query, filter, Matching.TYPO_TOLERANT, facetLimit));
			page = page(query, filter, sort, Matching.TYPO_TOLERANT, pageable);
			return new Matches(List.copyOf(page.ids()), page.total(), await(facets), true);
		}
		return new Matches(List.copyOf(page.ids()), page.total(), await(facets), false);
	}

	/** What a statement run on another thread returned, or the exception it threw. */
	private static <T> T await(Future<T> result) {
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result.cancel(true);
			throw new IllegalStateException("Interrupted while counting the facets", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** The summaries of these products, in this order; deleted ones are left out. */
	@Transactional(readOnly = true)
	public List<ProductSummary> summaries(List<UUID> ids) {
		return this.search.summaries(ids);
	}

	/**
	 * What matched a search.
	 * @param ids the page's products, in order
	 * @param total every match
	 * @param typoTolerant whether names similar to the query were let in because the full-text
	 * match found nothing
	 */
	public record Matches(List<UUID> ids, long total, Facets facets, boolean typoTolerant) {
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

	/** The page's ids and the total: every filter applies, and the order needs every match. */
	private Page page(String query, ProductFilter filter, ProductSort sort, Matching matching, Pageable pageable) {
		MapSqlParameterSource parameters = parameters(query).addValue("limit", pageable.getPageSize())
			.addValue("offset", pageable.getOffset());
		String where = filter.where(parameters) + " AND " + matching.match;
		// Ranking reads every match's document: only worth it when the order asks for it.
		String rank = (sort == ProductSort.RELEVANCE) ? matching.rank : "0";
		// Materialized: the sort then reads the matches, instead of an index walk in its order
		// that would read every listed product for a narrow query.
		String sql = "WITH matched AS MATERIALIZED (SELECT p.id, " + sort.columns + ", " + rank
				+ " AS rank FROM products p WHERE " + where + ")"
				+ " (SELECT p.id, NULL::bigint AS total FROM matched p ORDER BY " + sort.sql
				+ " LIMIT :limit OFFSET :offset)" + " UNION ALL SELECT NULL, count(*) FROM matched";
		List<UUID> ids = new ArrayList<>();
		long[] total = new long[1];
		this.jdbc.query(sql, parameters, row -> {
			UUID id = row.getObject("id", UUID.class);
			if (id != null) {
				ids.add(id);
			}
			else {
				total[0] = row.getLong("total");
			}
		});
		return new Page(ids, total[0]);
	}

	/**
	 * Every facet in one pass: the matches with every filter but the facets' own (which become
	 * flags, so that each facet counts with all the others), at most {@code limit} of them plus one
	 * to tell whether there were more, grouped by each facet at once ({@code GROUPING SETS}).
	 */
	private Facets facets(String query, ProductFilter filter, Matching matching, int limit) {
		MapSqlParameterSource parameters = parameters(query).addValue("facetLimit", limit)
			.addValue("facetSample", (long) limit + 1);
		Map<ProductFilter.Condition, String> conditions = new LinkedHashMap<>(filter.conditions(parameters));
		String category = flag(conditions.remove(ProductFilter.Condition.CATEGORY));
		String brand = flag(conditions.remove(ProductFilter.Condition.BRAND));
		String price = flag(conditions.remove(ProductFilter.Condition.PRICE));
		String stock = flag(conditions.remove(ProductFilter.Condition.IN_STOCK));
		String where = String.join(" AND ", conditions.values()) + " AND " + matching.match;
		String counted = "f.n <= :facetLimit";
		String brandCounted = counted + " AND f.brand_key IS NOT NULL AND f.category_ok AND f.price_ok AND f.stock_ok";
		String sets = "GROUPING(f.category_id, f.brand_key, f.band, f.in_stock)";
		String sql = "SELECT " + sets + " AS facet, f.category_id, f.brand_key, f.band, f.in_stock,"
				+ " count(*) FILTER (WHERE " + counted + " AND f.brand_ok AND f.price_ok AND f.stock_ok) AS category_count,"
				+ " count(*) FILTER (WHERE " + brandCounted + ") AS brand_count,"
				+ " min(f.brand) FILTER (WHERE " + brandCounted + ") AS brand_label,"
				+ " row_number() OVER (PARTITION BY " + sets + " ORDER BY count(*) FILTER (WHERE " + brandCounted
				+ ") DESC, f.brand_key) AS brand_rank,"
				+ " count(*) FILTER (WHERE " + counted + " AND f.category_ok AND f.brand_ok AND f.stock_ok) AS band_count,"
				+ " count(*) FILTER (WHERE " + counted + " AND f.category_ok AND f.brand_ok AND f.price_ok) AS stock_count,"
				+ " coalesce(bool_or(f.n > :facetLimit), FALSE) AS capped"
				+ " FROM (SELECT p.category_id, p.brand, lower(p.brand) AS brand_key, width_bucket(p.price_amount, "
				+ BANDS + ") AS band, p.in_stock, " + category + " AS category_ok, " + brand + " AS brand_ok, " + price
				+ " AS price_ok, " + stock + " AS stock_ok, row_number() OVER () AS n FROM products p WHERE " + where
				+ " LIMIT :facetSample) f"
				+ " GROUP BY GROUPING SETS ((f.category_id), (f.brand_key), (f.band), (f.in_stock), ())";
		List<Facets.CategoryCount> categories = new ArrayList<>();
		Map<Long, Facets.BrandCount> brands = new TreeMap<>();
		List<Facets.PriceBand> bands = new ArrayList<>();
		long[] availability = new long[2];
		boolean[] capped = new boolean[1];
		this.jdbc.query(sql, parameters, row -> {
			switch (row.getInt("facet")) {
				case 0b0111 -> {
					long count = row.getLong("category_count");
					if (count > 0) {
						categories.add(new Facets.CategoryCount(row.getObject("category_id", UUID.class), count));
					}
				}
				case 0b1011 -> {
					long count = row.getLong("brand_count");
					long rank = row.getLong("brand_rank");
					if (count > 0 && rank <= TOP_BRANDS) {
						brands.put(rank, new Facets.BrandCount(row.getString("brand_label"), count));
					}
				}
				case 0b1101 -> {
					long count = row.getLong("band_count");
					if (count > 0) {
						bands.add(Facets.PriceBand.of(row.getInt("band"), count));
					}
				}
				case 0b1110 -> availability[row.getBoolean("in_stock") ? 0 : 1] = row.getLong("stock_count");
				case 0b1111 -> capped[0] = row.getBoolean("capped");
				default -> throw new IllegalStateException("Unknown facet row");
			}
		});
		categories.sort((a, b) -> Long.compare(b.count(), a.count()));
		bands.sort((a, b) -> a.from().compareTo(b.from()));
		return new Facets(categories, List.copyOf(brands.values()), bands,
				new Facets.Availability(availability[0], availability[1]), capped[0]);
	}

	private static MapSqlParameterSource parameters(String query) {
		return new MapSqlParameterSource().addValue("q", query).addValue("like", "%" + escapeLike(query) + "%");
	}

	private static String flag(@Nullable String condition) {
		return (condition != null) ? "(" + condition + ")" : "TRUE";
	}

	/** A LIKE pattern that matches the text literally: its own {@code %}, {@code _} and {@code \} escaped. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private record Page(List<UUID> ids, long total) {
	}

}
