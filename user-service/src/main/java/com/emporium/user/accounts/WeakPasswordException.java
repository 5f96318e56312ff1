package com.emporium.user.accounts;

import java.util.List;

import com.emporium.platform.web.FieldError;
import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The password breaks the password policy; a validation problem naming {@code #/password}. */
class WeakPasswordException extends ProblemException {

	WeakPasswordException(List<String> reasons) {
		super(HttpStatus.BAD_REQUEST, "validation-failed",
				"'password' %s%s.".formatted(reasons.getFirst(),
						(reasons.size() > 1) ? " (and %d more)".formatted(reasons.size() - 1) : ""));
		with("errors", reasons.stream().map(reason -> FieldError.body("#/password", reason)).toList());
	}

}
