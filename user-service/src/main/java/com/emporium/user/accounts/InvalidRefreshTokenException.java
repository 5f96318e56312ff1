package com.emporium.user.accounts;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The refresh token is unknown, expired, revoked or already used: sign in again. */
class InvalidRefreshTokenException extends ProblemException {

	InvalidRefreshTokenException() {
		super(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
				"The refresh token is invalid, expired or was already used: sign in again.");
	}

}
