package com.emporium.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.security.*}: where the user service publishes its signing keys, and the
 * service's default access rule.
 *
 * @param jwt how access tokens are checked
 * @param authenticatedByDefault whether requests no rule matched need a token (off only at the
 * gateway, which leaves access decisions to the services but still refuses bad tokens)
 * @param publicPaths paths every service serves without a token (health, API docs)
 * @param revocation how revoked access tokens are learnt and remembered
 */
@ConfigurationProperties("emporium.security")
@Validated
public record EmporiumSecurityProperties(@NotNull Jwt jwt, @DefaultValue("true") boolean authenticatedByDefault,
		@DefaultValue({ "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
				"/v3/api-docs/**", "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" }) List<String> publicPaths,
		@DefaultValue Revocation revocation) {

	/**
	 * @param jwkSetUri the JWKS endpoint of the user service
	 * @param issuer the expected {@code iss} claim, checked when set
	 * @param verifiedCacheSize how many distinct tokens whose signature was verified are
	 * remembered, so that a session's next requests skip the RSA check (expiry, issuer and
	 * revocation are still checked every time)
	 */
	public record Jwt(@NotNull URI jwkSetUri, @Nullable String issuer,
			@DefaultValue("10000") @Positive int verifiedCacheSize) {
	}

	/**
	 * @param enabled whether this instance listens for revocations on Kafka (every instance that
	 * checks tokens should)
	 * @param maxEntries the most revoked tokens, and the most signed-out users, remembered at once
	 * @param maxTokenLifetime the longest an access token can live (the user service's
	 * {@code emporium.user.tokens.access-token-ttl} or more): how long a revocation matters and
	 * how far back a starting instance reads
	 */
	public record Revocation(@DefaultValue("true") boolean enabled, @DefaultValue("100000") @Positive int maxEntries,
			@DefaultValue("30m") Duration maxTokenLifetime) {
	}

}
