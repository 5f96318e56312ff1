package com.emporium.product.reviews;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.InvalidFieldException;


/**
 * A review as a shopper sends it: to post, every field; to change, the fields to change (null or
 * left out: unchanged). Text is plain text: markup is kept as typed and escaped when returned.
 */
record ReviewRequest(@Min(1) @Max(5) @Nullable Integer rating,
		@Size(max = 120) @Pattern(regexp = VISIBLE, message = MESSAGE) @Nullable String title,
		@Size(max = 5000) @Pattern(regexp = VISIBLE, message = MESSAGE) @Nullable String text) {

	/** Not blank, and no control characters other than line breaks and tabs. */
	static final String VISIBLE = "(?s)(?=.*\\S)[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	static final String MESSAGE = "must not be blank or contain control characters";

	/** Checks that a new review has every field. */
	void requireAll() {
		if (this.rating == null) {
			throw InvalidFieldException.body("#/rating", "must not be null");
		}
		if (this.title == null) {
			throw InvalidFieldException.body("#/title", "must not be null");
		}
		if (this.text == null) {
			throw InvalidFieldException.body("#/text", "must not be null");
		}
	}

}
