package com.emporium.user.accounts;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** Removing this role would leave the account with none; assign another one first. */
class LastRoleException extends ProblemException {

	LastRoleException(Role role) {
		super(HttpStatus.CONFLICT, "conflict",
				"%s is the account's only role: assign another one before removing it.".formatted(role));
	}

}
