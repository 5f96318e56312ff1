package com.emporium.user.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoginAttemptsTests extends UserServiceIntegrationTest {

	static final String TOO_MANY_ATTEMPTS = "https://docs.emporium.example/problems/too-many-attempts";

	@Autowired
	JdbcClient jdbc;

	@Test
	void repeatedFailuresLockTheLoginEvenForTheRightPassword() {
		Map<String, Object> account = account();
		register(account);
		String username = (String) account.get("username");
		for (int i = 0; i < 5; i++) {
			post("/api/v1/auth/login", null, Map.of("login", username, "password", "guess-number-" + i)).expectStatus()
				.isUnauthorized();
		}
		post("/api/v1/auth/login", null, Map.of("login", username.toUpperCase(), "password", account.get("password")))
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER,
					retryAfter -> assertThat(Long.parseLong(retryAfter)).isPositive().isLessThanOrEqualTo(900))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TOO_MANY_ATTEMPTS);
		// The same login by another spelling is the same login.
		post("/api/v1/auth/login", null, Map.of("login", account.get("email"), "password", account.get("password")))
			.expectStatus()
			.isOk();
	}

	@Test
	void aLoginNobodyHasIsLockedTheSameWaySoLocksRevealNoAccounts() {
		String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
		for (int i = 0; i < 5; i++) {
			post("/api/v1/auth/login", null, Map.of("login", nobody, "password", "guess-number-" + i)).expectStatus()
				.isUnauthorized();
		}
		post("/api/v1/auth/login", null, Map.of("login", nobody, "password", "guess-number-5")).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER);
	}

	@Test
	void aLockEndsAfterTheLockoutAndASuccessClearsTheCount() {
		MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:00:00Z"));
		LoginAttempts attempts = new LoginAttempts(this.jdbc,
				new LoginProperties(3, Duration.ofMinutes(15), Duration.ofMinutes(15), 1000, Duration.ofMinutes(10), 0,
						Duration.ofSeconds(3)),
				clock);
		String login = "clockwork-" + UUID.randomUUID();
		attempts.failed(login, "10.0.0.1");
		attempts.failed(login, "10.0.0.1");
		attempts.succeeded(login);
		attempts.failed(login, "10.0.0.1");
		attempts.failed(login, "10.0.0.1");
		assertThatCode(() -> attempts.checkAllowed(login, "10.0.0.1")).doesNotThrowAnyException();
		attempts.failed(login, "10.0.0.1");
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> attempts.checkAllowed(login, "10.0.0.1"))
			.satisfies(ex -> assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("900"));
		clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThatCode(() -> attempts.checkAllowed(login, "10.0.0.1")).doesNotThrowAnyException();
	}

	@Test
	void anAddressThatFailsWithManyLoginsIsRefusedForAWhile() {
		MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:00:00Z"));
		LoginAttempts attempts = new LoginAttempts(this.jdbc,
				new LoginProperties(100, Duration.ofMinutes(15), Duration.ofMinutes(15), 3, Duration.ofMinutes(10), 0,
						Duration.ofSeconds(3)),
				clock);
		for (int i = 0; i < 3; i++) {
			attempts.failed("spray-" + UUID.randomUUID(), "192.0.2.7");
		}
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> attempts.checkAllowed("yet-another-" + UUID.randomUUID(), "192.0.2.7"));
		assertThatCode(() -> attempts.checkAllowed("someone", "192.0.2.8")).doesNotThrowAnyException();
		clock.advance(Duration.ofMinutes(10));
		assertThatCode(() -> attempts.checkAllowed("someone", "192.0.2.7")).doesNotThrowAnyException();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
