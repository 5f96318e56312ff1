package com.emporium.user.accounts;

import java.util.List;

import com.emporium.platform.web.FieldError;
import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The email or username is already taken (the unique index said so). */
class AccountExistsException extends ProblemException {

	AccountExistsException(String field) {
		super(HttpStatus.CONFLICT, "account-exists", "An account with this %s already exists.".formatted(field));
		with("errors", List.of(FieldError.body("#/" + field, "is already taken")));
	}

}
