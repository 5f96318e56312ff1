package com.emporium.user.accounts;

import java.util.List;

import com.emporium.platform.web.FieldError;
import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A price range whose maximum is below its minimum; a validation problem naming the maximum. */
class InvalidPriceRangeException extends ProblemException {

	static final String POINTER = "#/preferences/priceRange/max";

	InvalidPriceRangeException() {
		super(HttpStatus.BAD_REQUEST, "validation-failed",
				"'preferences/priceRange/max' must not be less than the minimum.");
		with("errors", List.of(FieldError.body(POINTER, "must not be less than the minimum")));
	}

}
