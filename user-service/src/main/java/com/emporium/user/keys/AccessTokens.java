package com.emporium.user.keys;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Signs RS256 access tokens with the active signing key: header {@code kid}, claims {@code sub}
 * (the user id), {@code roles}, {@code jti}, {@code iat}, {@code exp} and {@code iss}. Every
 * Emporium service checks them against the JWKS.
 */
@Service
public class AccessTokens {

	private final SigningKeys keys;

	private final TokenProperties properties;

	private final Clock clock;

	AccessTokens(SigningKeys keys, TokenProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param userId the subject
	 * @param roles every role of the account ({@code CUSTOMER}, {@code VENDOR}, ...), in a stable order: the
	 * {@code roles} claim is a list even though an account holds a set
	 * @param notBefore the earliest {@code iat} (at most a second ahead: the end of the second in
	 * which the user signed out everywhere, so the new token is not taken for a revoked one), or null
	 * @return a token valid for {@code emporium.user.tokens.access-token-ttl}
	 */
	public AccessToken issue(UUID userId, List<String> roles, @Nullable Instant notBefore) {
		SigningKey key = this.keys.active();
		// JWT times are whole seconds; truncating keeps expiresAt equal to the exp claim.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		if (notBefore != null && notBefore.isAfter(now) && !notBefore.isAfter(now.plusSeconds(1))) {
			now = notBefore;
		}
		Instant expiresAt = now.plus(this.properties.accessTokenTtl());
		String jti = UUID.randomUUID().toString();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId.toString())
			.issuer(this.properties.issuer())
			.claim("roles", roles)
			.jwtID(jti)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.build();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new RSASSASigner(key.key()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an access token with key " + key.kid(), ex);
		}
		return new AccessToken(jwt.serialize(), jti, userId, now, expiresAt);
	}

	/** @return the access token lifetime, for {@code expires_in} */
	public long lifetimeSeconds() {
		return this.properties.accessTokenTtl().toSeconds();
	}

}
