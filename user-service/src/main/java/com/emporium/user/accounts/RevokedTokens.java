package com.emporium.user.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Access tokens that were signed out before they expire. Other services learn of them from
 * {@link AccessTokenRevoked} and {@link UserSessionsRevoked}; the user service, which records them,
 * refuses them itself: the platform's {@link JwtDecoder} is wrapped so that, after the signature
 * and expiry checks, a token is refused when its {@code jti} was signed out, its user signed out
 * everywhere after it was issued, or its user was deactivated. One indexed query per request that
 * carries a token.
 */
@Component
class RevokedTokens {

	private final JdbcClient jdbc;

	private final Clock clock;

	RevokedTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records a signed-out token until it expires (and forgets the ones that expired). */
	void revoke(String jti, UUID userId, Instant expiresAt) {
		this.jdbc.sql("INSERT INTO revoked_access_tokens (jti, user_id, expires_at) VALUES (?, ?, ?) "
				+ "ON CONFLICT (jti) DO NOTHING")
			.params(jti, userId, Timestamp.from(expiresAt))
			.update();
		this.jdbc.sql("DELETE FROM revoked_access_tokens WHERE expires_at < ?")
			.param(Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * Every token of the user issued until now is revoked. Token times are whole seconds, so the
	 * instant is rounded up to the next second: every token issued in this second counts as
	 * revoked too, and tokens issued after it, at a new sign-in, are dated no earlier than it
	 * ({@link #notBefore}).
	 * @return the instant before which tokens are refused, for {@link UserSessionsRevoked}
	 */
	Instant revokeAllOf(UUID userId) {
		Instant before = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		this.jdbc.sql("UPDATE users SET sessions_revoked_before = ? WHERE id = ?")
			.params(Timestamp.from(before), userId)
			.update();
		return before;
	}

	/**
	 * @return the earliest {@code iat} a new token of the user may have so that it is not refused:
	 * the end of the second of its last sign-out everywhere, or null
	 */
	@Nullable Instant notBefore(UUID userId) {
		return this.jdbc.sql("SELECT sessions_revoked_before FROM users WHERE id = ?")
			.param(userId)
			.query((row, number) -> row.getTimestamp(1))
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	boolean revoked(Jwt jwt) {
		UUID userId = userId(jwt);
		Instant issuedAt = jwt.getIssuedAt();
		if (userId == null || issuedAt == null) {
			return true;
		}
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = ?)
				    OR EXISTS (SELECT 1 FROM users WHERE id = ?
				               AND (NOT active OR sessions_revoked_before > ?))""")
			.params(String.valueOf(jwt.getId()), userId, Timestamp.from(issuedAt))
			.query(Boolean.class)
			.single();
	}

	private static @Nullable UUID userId(Jwt jwt) {
		try {
			return UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class DecoderWrapping {

		// Static, as every BeanPostProcessor bean; RevokedTokens is looked up only when a token arrives.
		@Bean
		static BeanPostProcessor revokedTokensCheckingJwtDecoder(ObjectProvider<RevokedTokens> revokedTokens) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof JwtDecoder decoder)) {
						return bean;
					}
					return (JwtDecoder) token -> {
						Jwt jwt = decoder.decode(token);
						boolean revoked;
						try {
							revoked = revokedTokens.getObject().revoked(jwt);
						}
						catch (DataAccessException ex) {
							// Fail closed: an unverifiable token is refused.
							throw new JwtException("Could not check whether the token was revoked", ex);
						}
						if (revoked) {
							throw new BadJwtException("The token was revoked");
						}
						return jwt;
					};
				}

			};
		}

	}

}
