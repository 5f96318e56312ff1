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
 * @param recent what serving keeps in memory of each shopper's recent interactions
 */
@ConfigurationProperties("emporium.recommendation.interactions")
@Validated
record InteractionProperties(@DefaultValue @Valid RateLimit rateLimit, @DefaultValue("365d") Duration retention,
		@DefaultValue("30d") Duration pendingOrderRetention, @DefaultValue @Valid Recent recent) {

	/**
	 * A token bucket per signed-in user, or per session for anonymous shoppers.
	 * @param requestsPerMinute posts per minute, and as many at once
	 * @param maxClients the most buckets kept in memory; past it, full ones are dropped first
	 */
	record RateLimit(@DefaultValue("60") @Positive int requestsPerMinute,
			@DefaultValue("100000") @Positive int maxClients) {
	}

	/**
	 * Each shopper's recent interactions, in memory for serving ({@code RecentActivity}).
	 * @param window how far back an entry reaches (serving looks 30 days back)
	 * @param refresh how old an entry may get before it is reloaded in the background: the most
	 * another replica's writes can take to be seen (this replica's own are seen at once)
	 * @param expiry no entry is served older than this
	 * @param maxInteractions the most interactions held, across shoppers; the least used go first
	 */
	record Recent(@DefaultValue("30d") Duration window, @DefaultValue("30s") Duration refresh,
			@DefaultValue("10m") Duration expiry, @DefaultValue("200000") @Positive long maxInteractions) {
	}

}
