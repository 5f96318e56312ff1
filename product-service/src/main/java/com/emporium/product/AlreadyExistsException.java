package com.emporium.product;

import java.util.List;

import com.emporium.platform.web.FieldError;
import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A value that must be unique is taken: a unique index said so, not a look-up beforehand. */
public class AlreadyExistsException extends ProblemException {

	/**
	 * @param pointer the field, {@code #/slug} or {@code #/variants/1/sku}
	 * @param what what has the value already, for people: "Another store"
	 */
	public AlreadyExistsException(String pointer, String what) {
		super(HttpStatus.CONFLICT, "already-exists",
				"%s already has this %s.".formatted(what, pointer.substring(pointer.lastIndexOf('/') + 1)));
		with("errors", List.of(FieldError.body(pointer, "is already taken")));
	}

}
