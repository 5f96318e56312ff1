package com.emporium.user.accounts;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Every password-hashing turn stayed taken for {@code hashWait}: a burst of sign-ins; retry shortly. */
class PasswordHashingBusyException extends ProblemException {

	PasswordHashingBusyException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"Too many sign-ins at once: try again in a second.");
		getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		with("retryAfterSeconds", 1);
	}

}
