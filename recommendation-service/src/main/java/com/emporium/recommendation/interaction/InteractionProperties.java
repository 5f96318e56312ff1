package com.emporium.recommendation.interaction;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.recommendation.interactions.*}.
 *
 * @param rateLimit how much a client may post
 * @param retention how long an interaction is kept (by when it happened); older ones are deleted
 * hourly
 * @param pendingOrderRetention how long an order's lines wait for its confirmation or cancellation
 * (and how long the outcome is remembered for events that arrive late)
 */
@ConfigurationProperties("emporium.recommendation.interactions")
@Validated
record InteractionProperties(@DefaultValue @Valid RateLimit rateLimit, @DefaultValue("365d") Duration retention,
		@DefaultValue("30d") Duration pendingOrderRetention) {

	/**
	 * A token bucket per signed-in user, or per session for anonymous shoppers.
	 * @param requestsPerMinute posts per minute, and as many at once
	 * @param maxClients the most buckets kept in memory; past it, full ones are dropped first
	 */
	record RateLimit(@DefaultValue("60") @Positive int requestsPerMinute,
			@DefaultValue("100000") @Positive int maxClients) {
	}

}
