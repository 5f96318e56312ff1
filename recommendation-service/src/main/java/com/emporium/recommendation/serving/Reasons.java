package com.emporium.recommendation.serving;

import org.jspecify.annotations.Nullable;

/**
 * The shopper's text for a reason code, naming the product that led to it when there is one, and
 * the category for {@code popular-in-category} when the replica knows its name ("this category"
 * when not).
 */
final class Reasons {

	static final String NEW_ARRIVAL = "new-arrival";

	private Reasons() {
	}

	/**
	 * @param because the name of the product that led to it, or null
	 * @param onItsPage whether the list is shown on that product's own page ("Similar to X", not
	 * "Similar to X you viewed")
	 * @param categoryName the name of the recommended product's category, or null: named by
	 * {@code popular-in-category} only
	 */
	static String text(String code, @Nullable String because, boolean onItsPage, @Nullable String categoryName) {
		return switch (code) {
			case "buy-again" -> "Buy again";
			case "bought-together" -> (because != null) ? "Bought together with " + because : "Often bought together";
			case "also-bought" -> (because != null) ? "Customers who bought " + because + " also bought this"
					: "Customers who bought what you bought also bought this";
			case "similar-to" -> (because == null) ? "Similar to what you viewed"
					: onItsPage ? "Similar to " + because : "Similar to " + because + " you viewed";
			case "customers-like-you" -> "Customers like you bought this";
			case "popular" -> "Popular with shoppers";
			case "popular-in-category" -> (categoryName != null && !categoryName.isBlank())
					? "Popular in " + categoryName.strip() : "Popular in this category";
			case "trending" -> "Trending now";
			case NEW_ARRIVAL -> "New in the shop";
			default -> "Recommended for you";
		};
	}

}
