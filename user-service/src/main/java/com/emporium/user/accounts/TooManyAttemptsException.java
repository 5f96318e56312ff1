package com.emporium.user.accounts;

import java.time.Duration;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Too many failed sign-ins with this login or from this address: wait {@code Retry-After} seconds. */
class TooManyAttemptsException extends ProblemException {

	TooManyAttemptsException(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
				"Too many failed sign-ins: try again in %d seconds.".formatted(seconds(retryAfter)));
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(retryAfter)));
		with("retryAfterSeconds", seconds(retryAfter));
	}

	private static long seconds(Duration duration) {
		// Rounded up: retrying after the advertised time must work.
		return Math.max(1, duration.plusMillis(999).toSeconds());
	}

}
