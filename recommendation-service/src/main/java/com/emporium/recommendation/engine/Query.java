package com.emporium.recommendation.engine;

/**
 * Whom and what to recommend for.
 *
 * @param user the shopper's index in the training data, or -1 for a shopper it does not know (a new
 * user, or an anonymous session)
 * @param context items the shopper is looking at now: the product page's product, the cart, the
 * session's recent views; most relevant first. May be empty.
 */
public record Query(int user, int[] context) {

	private static final int[] NONE = {};

	public static Query forUser(int user) {
		return new Query(user, NONE);
	}

	public static Query forItems(int... items) {
		return new Query(-1, items);
	}

	boolean knownUser() {
		return this.user >= 0;
	}

}
