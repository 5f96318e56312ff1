package com.emporium.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A field breaks a rule that bean validation cannot see (it needs the stored state or another
 * field): the same {@code validation-failed} problem, naming the field by JSON pointer or
 * parameter name.
 */
public class InvalidFieldException extends ProblemException {

	private InvalidFieldException(FieldError error, String where) {
		super(HttpStatus.BAD_REQUEST, "validation-failed", "'%s' %s.".formatted(where, error.detail()));
		with("errors", List.of(error));
	}

	/** @param pointer a JSON pointer into the body, {@code #/productId} */
	public static InvalidFieldException body(String pointer, String detail) {
		return new InvalidFieldException(FieldError.body(pointer, detail), pointer.substring(2));
	}

	/** @param name a query, path or header parameter */
	public static InvalidFieldException parameter(String name, String detail) {
		return new InvalidFieldException(FieldError.parameter(name, detail), name);
	}

}
