package com.emporium.product.wishlists;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A wishlist has as many products as it may: remove one first. */
class WishlistFullException extends ProblemException {

	WishlistFullException(int max) {
		super(HttpStatus.CONFLICT, "wishlist-full",
				"Your wishlist already has %d products, the most it may have: remove one first.".formatted(max));
		with("maxItems", max);
	}

}
