package com.emporium.gateway.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.gateway.rate-limit.*}: each client's budget for the whole API.
 *
 * @param enabled whether the gateway limits clients at all
 * @param requestsPerSecond the sustained rate a client may send
 * @param burst how many requests a client may send at once after being idle
 * @param maxClients how many clients' budgets are tracked at once (memory bound)
 */
@ConfigurationProperties("emporium.gateway.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("50") @Positive double requestsPerSecond, @DefaultValue("100") @Positive int burst,
		@DefaultValue("100000") @Positive int maxClients) {
}
