package com.emporium.user.accounts;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Sign-in failed. One message for an unknown account, a wrong password and a deactivated account,
 * so the answer does not tell whether an account exists.
 */
class InvalidCredentialsException extends ProblemException {

	InvalidCredentialsException() {
		super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "The login or password is wrong.");
	}

}
