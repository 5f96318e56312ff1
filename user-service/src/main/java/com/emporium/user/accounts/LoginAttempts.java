package com.emporium.user.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.security.Hashes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing two ways. Per login (shared by all replicas, in {@code login_attempts}):
 * {@link LoginProperties#maxFailures()} failures within the failure window lock that login for
 * {@link LoginProperties#lockout()}, whether or not an account has it, so a lock says nothing
 * about which accounts exist. Per client address (in this instance's memory, which is enough to
 * blunt one machine spraying many logins): {@link LoginProperties#maxFailuresPerAddress()}
 * failures within the address window refuse further attempts from it.
 * <p>
 * The price of per-login locks is that anyone can lock a victim out for a while by failing on
 * purpose; the lock is short and the victim's sessions keep working.
 */
@Component
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	/** Bounds the per-address map; beyond it, expired windows are swept first. */
	static final int MAX_TRACKED_ADDRESSES = 10_000;

	private final JdbcClient jdbc;

	private final LoginProperties properties;

	private final Clock clock;

	private final Map<String, Window> addresses = new ConcurrentHashMap<>();

	LoginAttempts(JdbcClient jdbc, LoginProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @throws TooManyAttemptsException when the login is locked or the address has failed too often
	 */
	void checkAllowed(String login, String address) {
		Instant now = this.clock.instant();
		Window window = this.addresses.get(address);
		if (window != null && window.failures >= this.properties.maxFailuresPerAddress() && window.end.isAfter(now)) {
			throw new TooManyAttemptsException(Duration.between(now, window.end));
		}
		Instant lockedUntil = this.jdbc
			.sql("SELECT locked_until FROM login_attempts WHERE login_hash = ? AND locked_until > ?")
			.params(key(login), Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		if (lockedUntil != null) {
			throw new TooManyAttemptsException(Duration.between(now, lockedUntil));
		}
	}

	void failed(String login, String address) {
		Instant now = this.clock.instant();
		countAddressFailure(address, now);
		String key = key(login);
		Integer failures = this.jdbc.sql("""
				INSERT INTO login_attempts (login_hash, failures, last_failure_at) VALUES (?, 1, ?)
				ON CONFLICT (login_hash) DO UPDATE SET
				  failures = CASE WHEN login_attempts.last_failure_at < ? THEN 1 ELSE login_attempts.failures + 1 END,
				  last_failure_at = EXCLUDED.last_failure_at
				RETURNING failures""")
			.params(key, Timestamp.from(now), Timestamp.from(now.minus(this.properties.failureWindow())))
			.query(Integer.class)
			.single();
		if (failures >= this.properties.maxFailures()) {
			this.jdbc.sql("UPDATE login_attempts SET failures = 0, locked_until = ? WHERE login_hash = ?")
				.params(Timestamp.from(now.plus(this.properties.lockout())), key)
				.update();
			// Forget logins nobody has failed with for a day (and that are not locked).
			this.jdbc
				.sql("DELETE FROM login_attempts WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)")
				.params(Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now))
				.update();
			log.warn("Login locked after {} failures loginHash={} for={}", failures, key.substring(0, 12),
					this.properties.lockout());
		}
	}

	void succeeded(String login) {
		this.jdbc.sql("DELETE FROM login_attempts WHERE login_hash = ?").param(key(login)).update();
	}

	private void countAddressFailure(String address, Instant now) {
		if (this.addresses.size() >= MAX_TRACKED_ADDRESSES) {
			this.addresses.values().removeIf(window -> !window.end.isAfter(now));
		}
		this.addresses.compute(address, (ignored, window) -> (window == null || !window.end.isAfter(now))
				? new Window(now.plus(this.properties.addressWindow()), 1) : new Window(window.end, window.failures + 1));
	}

	/** The same key for every spelling of a login: email or username, any case, any padding. */
	private static String key(String login) {
		return Hashes.sha256(login.strip().toLowerCase(Locale.ROOT));
	}

	private record Window(Instant end, int failures) {
	}

}
