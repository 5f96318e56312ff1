package com.emporium.recommendation.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One thing a shopper did with a product, as the engine sees it: whose, which, when, how strong.
 *
 * @param user the shopper (a user id, or a session id for anonymous shoppers)
 * @param item the product
 * @param at when it happened
 * @param kind what happened; its weight comes from {@link InteractionWeights}
 * @param basket the order or invoice that holds it, for purchases; null otherwise
 * @param quantity units, for purchases and cart adds; 1 otherwise
 */
public record Interaction(String user, String item, Instant at, Kind kind, @Nullable String basket, int quantity) {

	/** What a shopper did, strongest signal last. */
	public enum Kind {

		VIEW, SEARCH_CLICK, WISHLIST, CART, PURCHASE

	}

	public static Interaction purchase(String user, String item, Instant at, String basket, int quantity) {
		return new Interaction(user, item, at, Kind.PURCHASE, basket, quantity);
	}

}
