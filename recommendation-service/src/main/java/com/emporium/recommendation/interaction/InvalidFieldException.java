package com.emporium.recommendation.interaction;

import java.util.List;

import com.emporium.platform.web.FieldError;
import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A field breaks a rule that bean validation cannot see (it needs another field or the catalog):
 * the same {@code validation-failed} problem, naming the field by JSON pointer or parameter name.
 */
class InvalidFieldException extends ProblemException {

	private InvalidFieldException(FieldError error, String where) {
		super(HttpStatus.BAD_REQUEST, "validation-failed", "'%s' %s.".formatted(where, error.detail()));
		with("errors", List.of(error));
	}

	/** @param pointer a JSON pointer into the body, {@code #/productId} */
	static InvalidFieldException body(String pointer, String detail) {
		return new InvalidFieldException(FieldError.body(pointer, detail), pointer.substring(2));
	}

	/** @param name a query, path or header parameter */
	static InvalidFieldException parameter(String name, String detail) {
		return new InvalidFieldException(FieldError.parameter(name, detail), name);
	}

}
