package com.emporium.product.catalog;

/**
 * How a list or a search is ordered. Ties go to the newest product, then by id, so pages never
 * overlap.
 */
public enum ProductSort {

	/** Best match first: searches only (the search ranks, so the order names its rank). */
	RELEVANCE("p.rank DESC, p.created_at DESC, p.id DESC"),

	/** Newest first. */
	NEWEST("p.created_at DESC, p.id DESC"),

	/** Cheapest first, comparing amounts whatever the currency. */
	PRICE_ASC("p.price_amount ASC, p.created_at DESC, p.id DESC"),

	/** Dearest first. */
	PRICE_DESC("p.price_amount DESC, p.created_at DESC, p.id DESC"),

	/** Most viewed first (counted views, see the views feature). */
	POPULARITY("p.view_count DESC, p.created_at DESC, p.id DESC"),

	/**
	 * Best rated first; products without reviews (average null) come last, then by number of
	 * reviews.
	 */
	RATING("p.rating_average DESC NULLS LAST, p.review_count DESC, p.created_at DESC, p.id DESC");

	/** Patterns for the {@code sort} parameter: hyphens or underscores ({@code price-asc}, {@code price_asc}). */
	public static final String LIST_PATTERN = "newest|price[-_]asc|price[-_]desc|popularity|rating";

	public static final String SEARCH_PATTERN = "relevance|" + LIST_PATTERN;

	final String sql;

	ProductSort(String sql) {
		this.sql = sql;
	}

	/** The sort a {@code sort} parameter that matched one of the patterns names. */
	public static ProductSort of(String parameter) {
		return valueOf(parameter.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
	}

}
