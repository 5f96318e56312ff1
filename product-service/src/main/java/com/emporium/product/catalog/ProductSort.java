package com.emporium.product.catalog;

/**
 * How a list or a search is ordered. Ties go to the newest product, then by id, so pages never
 * overlap.
 */
public enum ProductSort {

	/** Best match first: searches only (the search ranks, so the order names its rank). */
	RELEVANCE("p.rank DESC, p.created_at DESC, p.id DESC", "p.created_at"),

	/** Newest first. */
	NEWEST("p.created_at DESC, p.id DESC", "p.created_at"),

	/** Cheapest first, comparing amounts whatever the currency. */
	PRICE_ASC("p.price_amount ASC, p.created_at DESC, p.id DESC", "p.price_amount, p.created_at"),

	/** Dearest first. */
	PRICE_DESC("p.price_amount DESC, p.created_at DESC, p.id DESC", "p.price_amount, p.created_at"),

	/** Most viewed first (counted views, see the views feature). */
	POPULARITY("p.view_count DESC, p.created_at DESC, p.id DESC", "p.view_count, p.created_at"),

	/**
	 * Best rated first; products without reviews (average null) come last, then by number of
	 * reviews.
	 */
	RATING("p.rating_average DESC NULLS LAST, p.review_count DESC, p.created_at DESC, p.id DESC",
			"p.rating_average, p.review_count, p.created_at");

	/** Patterns for the {@code sort} parameter: hyphens or underscores ({@code price-asc}, {@code price_asc}). */
	public static final String LIST_PATTERN = "newest|price[-_]asc|price[-_]desc|popularity|rating";

	public static final String SEARCH_PATTERN = "relevance|" + LIST_PATTERN;

	/** The ORDER BY clause, over columns of {@code p}. */
	final String sql;

	/**
	 * The columns of {@code products p} it reads besides the id (and a search's rank): a search
	 * keeps only these of each match while it orders them.
	 */
	final String columns;

	ProductSort(String sql, String columns) {
		this.sql = sql;
		this.columns = columns;
	}

	/** The sort a {@code sort} parameter that matched one of the patterns names. */
	public static ProductSort of(String parameter) {
		return valueOf(parameter.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
	}

}
