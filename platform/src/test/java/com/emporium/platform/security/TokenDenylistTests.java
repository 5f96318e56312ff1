package com.emporium.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class TokenDenylistTests {

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	final TokenDenylist denylist = new TokenDenylist(3, Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void refusesARevokedTokenButNotAnotherTokenOfTheSameUser() {
		this.denylist.revokeToken("jti-1", NOW.plusSeconds(600));

		assertThat(this.denylist.validate(jwt("jti-1", "ada", NOW.minusSeconds(60))).hasErrors()).isTrue();
		assertThat(this.denylist.validate(jwt("jti-2", "ada", NOW.minusSeconds(60))).hasErrors()).isFalse();
	}

	@Test
	void refusesEveryTokenOfAUserIssuedBeforeTheirSignOutEverywhere() {
		this.denylist.revokeSessions("ada", NOW);

		assertThat(this.denylist.isRevoked(jwt("a", "ada", NOW.minusSeconds(1)))).isTrue();
		assertThat(this.denylist.isRevoked(jwt("b", "ada", NOW))).as("issued at the instant: a new sign-in").isFalse();
		assertThat(this.denylist.isRevoked(jwt("c", "grace", NOW.minusSeconds(1)))).isFalse();
	}

	@Test
	void forgetsWhatExpiredAndStaysWithinItsBound() {
		this.denylist.revokeToken("already-expired", NOW.minusSeconds(1));
		this.denylist.revokeSessions("long-ago", NOW.minus(Duration.ofMinutes(16)));
		assertThat(this.denylist.size()).isZero();

		for (int i = 1; i <= 5; i++) {
			this.denylist.revokeToken("jti-" + i, NOW.plusSeconds(i * 60L));
		}
		assertThat(this.denylist.size()).isEqualTo(3);
		// The tokens that would have expired first were forgotten first.
		assertThat(this.denylist.isRevoked(jwt("jti-5", "ada", NOW))).isTrue();
		assertThat(this.denylist.isRevoked(jwt("jti-1", "ada", NOW))).isFalse();
	}

	static Jwt jwt(String jti, String subject, Instant issuedAt) {
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.claims(claims -> claims.putAll(Map.of("jti", jti, "sub", subject)))
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plusSeconds(900))
			.build();
	}

}
