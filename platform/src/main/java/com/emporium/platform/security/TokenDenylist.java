package com.emporium.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Access tokens that were revoked before they expire, held in memory so that no request waits on
 * the user service: single tokens by {@code jti} (a sign-out) until their own expiry, and whole
 * users (sign-out everywhere, deactivation, deletion, a role change) by "issued before" until every
 * token issued before that instant has expired. Fed from Kafka by {@link TokenRevocationListener};
 * consulted by every {@code JwtDecoder} the platform builds, after the signature and expiry checks.
 * <p>
 * Bounded: expired entries are dropped as new ones arrive, and past {@code maxEntries} the entry
 * that expires soonest makes room (a token that would have expired first is the cheapest to
 * forget). With 15-minute tokens, 100 000 entries is far more sign-outs than a shop sees in 15 minutes.
 */
public final class TokenDenylist implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The token was revoked", null);

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final Map<String, UserRevocation> users = new ConcurrentHashMap<>();

	private final int maxEntries;

	private final Duration maxTokenLifetime;

	private final Clock clock;

	/**
	 * @param maxEntries how many tokens and how many users are remembered at most (each)
	 * @param maxTokenLifetime the longest an access token lives: how long a user's "revoked before"
	 * must be remembered
	 */
	public TokenDenylist(int maxEntries, Duration maxTokenLifetime, Clock clock) {
		this.maxEntries = maxEntries;
		this.maxTokenLifetime = maxTokenLifetime;
		this.clock = clock;
	}

	/** Refuses the token {@code jti} until {@code expiresAt}, when it would be refused anyway. */
	public void revokeToken(String jti, Instant expiresAt) {
		Instant now = this.clock.instant();
		if (expiresAt.isAfter(now)) {
			makeRoom(this.tokens, now, expiry -> expiry);
			this.tokens.merge(jti, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
		}
	}

	/** Refuses every token of {@code subject} issued before {@code revokedBefore}. */
	public void revokeSessions(String subject, Instant revokedBefore) {
		Instant now = this.clock.instant();
		UserRevocation revocation = new UserRevocation(revokedBefore, revokedBefore.plus(this.maxTokenLifetime));
		if (revocation.forgetAt().isAfter(now)) {
			makeRoom(this.users, now, UserRevocation::forgetAt);
			this.users.merge(subject, revocation, (a, b) -> a.revokedBefore().isAfter(b.revokedBefore()) ? a : b);
		}
	}

	/** Whether a token that passed its signature and expiry checks must still be refused. */
	public boolean isRevoked(Jwt jwt) {
		if (jwt.getId() != null && this.tokens.containsKey(jwt.getId())) {
			return true;
		}
		UserRevocation revocation = (jwt.getSubject() != null) ? this.users.get(jwt.getSubject()) : null;
		Instant issuedAt = jwt.getIssuedAt();
		return revocation != null && (issuedAt == null || issuedAt.isBefore(revocation.revokedBefore()));
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		return isRevoked(jwt) ? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
	}

	/** Tokens and users remembered right now. */
	public int size() {
		return this.tokens.size() + this.users.size();
	}

	private <V> void makeRoom(Map<String, V> entries, Instant now, Function<V, Instant> forgetAt) {
		if (entries.size() < this.maxEntries) {
			return;
		}
		entries.values().removeIf(value -> !forgetAt.apply(value).isAfter(now));
		while (entries.size() >= this.maxEntries) {
			entries.entrySet()
				.stream()
				.min(Comparator.comparing(entry -> forgetAt.apply(entry.getValue())))
				.ifPresent(soonest -> entries.remove(soonest.getKey()));
		}
	}

	private record UserRevocation(Instant revokedBefore, Instant forgetAt) {
	}

}
