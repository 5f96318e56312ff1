package com.emporium.product.reviews;

/** How a product's reviews are ordered; ties newest first, then by id, so pages never overlap. */
enum ReviewSort {

	NEWEST("r.created_at DESC, r.id DESC"),

	/** Most helpful votes first. */
	HELPFUL("r.helpful_count DESC, r.created_at DESC, r.id DESC"),

	/** Best rating first. */
	RATING("r.rating DESC, r.created_at DESC, r.id DESC");

	static final String PATTERN = "newest|helpful|rating";

	final String sql;

	ReviewSort(String sql) {
		this.sql = sql;
	}

	static ReviewSort of(String parameter) {
		return valueOf(parameter.toUpperCase(java.util.Locale.ROOT));
	}

}
