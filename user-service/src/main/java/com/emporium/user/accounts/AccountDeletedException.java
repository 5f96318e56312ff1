package com.emporium.user.accounts;

import java.util.UUID;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The account was deleted: it keeps its id for the records, but nothing about it changes any more. */
class AccountDeletedException extends ProblemException {

	AccountDeletedException(UUID userId) {
		super(HttpStatus.CONFLICT, "conflict",
				"Account %s was deleted and can no longer be changed.".formatted(userId));
	}

}
