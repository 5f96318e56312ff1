package com.emporium.recommendation.serving;

import java.util.List;

import com.emporium.platform.web.FieldError;
import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A query, path or header parameter breaks a rule bean validation cannot see: {@code validation-failed}. */
class InvalidParameterException extends ProblemException {

	InvalidParameterException(String name, String detail) {
		super(HttpStatus.BAD_REQUEST, "validation-failed", "'%s' %s.".formatted(name, detail));
		with("errors", List.of(FieldError.parameter(name, detail)));
	}

}
