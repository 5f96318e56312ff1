package com.emporium.recommendation.interaction;

/** What a shopper did with a product. */
public enum InteractionType {

	/** Opened the product's page ({@code ProductViewed}). */
	VIEW,

	/** Opened the product from search results, at a position ({@code SearchResultClicked}). */
	SEARCH_CLICK,

	/** Put some into the cart ({@code CartItemAdded}, with the quantity added). */
	CART_ADD,

	/** Took some out of the cart ({@code CartItemRemoved}, with the quantity taken out). */
	CART_REMOVE,

	/** Added it to the wishlist. */
	WISHLIST_ADD,

	/** Removed it from the wishlist. */
	WISHLIST_REMOVE,

	/** Bought it: an order line, recorded when the order is confirmed (paid). */
	PURCHASE,

	/** Reviewed it, with a rating of 1 to 5. */
	REVIEW,

	/** Was shown it in a list of recommendations (posted by the client). */
	RECOMMENDATION_IMPRESSION,

	/** Opened it from a list of recommendations (posted by the client). */
	RECOMMENDATION_CLICK

}
