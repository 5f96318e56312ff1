package com.emporium.platform.web;

import org.springframework.http.HttpStatus;

/** An id that names nothing this service owns (or nothing the caller may see). */
public class NotFoundException extends ProblemException {

	public NotFoundException(String what, Object id) {
		super(HttpStatus.NOT_FOUND, "not-found", "%s %s does not exist.".formatted(what, id));
		with("resource", what);
		with("id", String.valueOf(id));
	}

}
