package com.emporium.user.keys;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed access token and the claims a caller needs without parsing it.
 *
 * @param value the compact JWS
 * @param jti its {@code jti} claim
 * @param userId its {@code sub} claim
 * @param issuedAt its {@code iat} claim
 * @param expiresAt its {@code exp} claim
 */
public record AccessToken(String value, String jti, UUID userId, Instant issuedAt, Instant expiresAt) {

	@Override
	public String toString() {
		return "AccessToken[jti=%s, userId=%s, expiresAt=%s]".formatted(this.jti, this.userId, this.expiresAt);
	}

}
