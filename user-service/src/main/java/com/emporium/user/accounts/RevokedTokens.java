package com.emporium.user.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.TokenDenylist;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Access tokens that were signed out before they expire. The fleet learns of them from
 * {@link AccessTokenRevoked} and {@link UserSessionsRevoked} (platform's {@link TokenDenylist},
 * within a second, no request waiting on the user service); this instance also tells its own
 * denylist as soon as the revocation commits, so that the caller's next request here is refused
 * at once. Deactivation, deletion and role changes revoke through {@link UserSessionsRevoked} too.
 * No query per request: checking a token costs the same here as in every other service.
 */
@Component
class RevokedTokens {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TokenDenylist denylist;

	RevokedTokens(JdbcClient jdbc, Clock clock, TokenDenylist denylist) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.denylist = denylist;
	}

	@TransactionalEventListener
	void revoked(AccessTokenRevoked event) {
		this.denylist.revokeToken(event.jti(), event.expiresAt());
	}

	@TransactionalEventListener
	void revoked(UserSessionsRevoked event) {
		this.denylist.revokeSessions(event.userId().toString(), event.revokedBefore());
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

}
