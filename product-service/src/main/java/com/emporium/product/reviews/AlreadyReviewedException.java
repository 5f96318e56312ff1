package com.emporium.product.reviews;

import java.util.UUID;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A shopper reviews a product once: change the review instead. */
class AlreadyReviewedException extends ProblemException {

	AlreadyReviewedException(UUID reviewId) {
		super(HttpStatus.CONFLICT, "already-reviewed",
				"You have reviewed this product already: change that review (reviewId) instead.");
		with("reviewId", reviewId.toString());
	}

}
