package com.emporium.order.notification;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.notifications.*}; the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from the sender of every email ({@code Emporium <orders@example.com>})
 * @param pollInterval how often the sender looks for due notifications
 * @param batchSize how many it sends per look
 * @param maxAttempts after this many failed sends a notification is given up ({@code FAILED})
 * @param firstRetryAfter the wait after the first failure; it doubles with each further failure
 * @param maxRetryAfter the longest wait between two attempts
 * @param sendTimeout how long a claimed notification is left to its sender before another
 * instance may take it (a sender that died mid-send)
 */
@ConfigurationProperties("emporium.notifications")
@Validated
record NotificationProperties(@DefaultValue("Emporium <orders@emporium.example>") @NotBlank String from,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("20") @Min(1) @Max(500) int batchSize,
		@DefaultValue("8") @Min(1) @Max(50) int maxAttempts, @DefaultValue("1m") Duration firstRetryAfter,
		@DefaultValue("1h") Duration maxRetryAfter, @DefaultValue("5m") Duration sendTimeout) {

	/** The wait after the {@code attempts}-th failure: doubling from {@link #firstRetryAfter}, capped. */
	Duration retryAfter(int attempts) {
		Duration wait = this.firstRetryAfter;
		for (int failure = 1; failure < attempts && wait.compareTo(this.maxRetryAfter) < 0; failure++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : wait;
	}

}
