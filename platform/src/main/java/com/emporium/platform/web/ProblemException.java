package com.emporium.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A broken rule that a client can act on, rendered as an RFC 9457 problem detail.
 * <p>
 * Subclasses name the rule ({@code OutOfStockException}) and pass a stable slug, which becomes
 * the problem {@code type} ({@code https://docs.emporium.example/problems/<slug>}); slugs are
 * listed in {@code docs/problems.md}. The detail is written for the shopper and must not leak
 * internals.
 */
public class ProblemException extends ErrorResponseException {

	public ProblemException(HttpStatus status, String slug, String detail) {
		super(status, problem(status, slug, detail), null);
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(slug));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	/** Adds an extension member (for example the id that was not found). */
	public ProblemException with(String name, Object value) {
		getBody().setProperty(name, value);
		return this;
	}

	public URI type() {
		return getBody().getType();
	}

}
