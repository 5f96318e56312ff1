package com.emporium.user.keys;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.user.tokens.*}: what the service's tokens look like and how long they live.
 *
 * @param issuer the {@code iss} claim of access tokens
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid (each rotation starts a new one)
 * @param keyRotation the age at which the active signing key is replaced by a new one
 */
@ConfigurationProperties("emporium.user.tokens")
@Validated
public record TokenProperties(@DefaultValue("emporium") @NotBlank String issuer,
		@DefaultValue("15m") @NotNull Duration accessTokenTtl, @DefaultValue("30d") @NotNull Duration refreshTokenTtl,
		@DefaultValue("30d") @NotNull Duration keyRotation) {

	public TokenProperties {
		if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || refreshTokenTtl.isNegative()
				|| refreshTokenTtl.isZero()) {
			throw new IllegalArgumentException("Token lifetimes must be positive");
		}
		if (keyRotation.compareTo(accessTokenTtl) <= 0) {
			throw new IllegalArgumentException("emporium.user.tokens.key-rotation must be longer than access-token-ttl");
		}
	}

}
