package com.emporium.recommendation.interaction;

import java.time.Duration;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A client posted interactions faster than its budget: wait {@code Retry-After} seconds. */
class TooManyInteractionsException extends ProblemException {

	TooManyInteractionsException(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
				"Too many interactions posted: try again in %d seconds.".formatted(seconds(retryAfter)));
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(retryAfter)));
		with("retryAfterSeconds", seconds(retryAfter));
	}

	private static long seconds(Duration duration) {
		// Rounded up: retrying after the advertised time must work.
		return Math.max(1, duration.plusNanos(999_999_999).toSeconds());
	}

}
