package com.emporium.user.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.security.Hashes;
import com.emporium.user.keys.AccessToken;
import com.emporium.user.keys.AccessTokens;
import com.emporium.user.keys.TokenProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in, refresh-token rotation and sign-out. A refresh token is 256 random bits, handed out
 * once and stored only as its SHA-256 hash (a fast hash suffices: the token is not guessable, unlike
 * a password). Each refresh rotates it; presenting a rotated token again means it was copied, so the
 * whole family (that sign-in's chain of tokens) is revoked.
 */
@Service
class Sessions {

	static final String TOKEN_TYPE = "Bearer";

	private static final Logger log = LoggerFactory.getLogger(Sessions.class);

	private static final SecureRandom random = new SecureRandom();

	private final Users users;

	private final RefreshTokens refreshTokens;

	private final Passwords passwords;

	private final AccessTokens accessTokens;

	private final TokenProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final LoginAttempts attempts;

	private final RevokedTokens revokedTokens;

	private final Clock clock;

	Sessions(Users users, RefreshTokens refreshTokens, Passwords passwords, AccessTokens accessTokens,
			TokenProperties properties, ApplicationEventPublisher events, TransactionTemplate transactions,
			LoginAttempts attempts, RevokedTokens revokedTokens, Clock clock) {
		this.transactions = transactions;
		this.attempts = attempts;
		this.revokedTokens = revokedTokens;
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.passwords = passwords;
		this.accessTokens = accessTokens;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param login an email or a username
	 * @param address the client's address, for {@link LoginAttempts}
	 * @throws TooManyAttemptsException when the login is locked or the address failed too often
	 * @throws InvalidCredentialsException for an unknown login, a wrong password or a deactivated
	 * account alike, after the same password check
	 */
	TokenResponse login(String login, String password, String address) {
		this.attempts.checkAllowed(login, address);
		String trimmed = login.strip();
		Optional<User> found = trimmed.contains("@") ? this.users.findByEmail(trimmed.toLowerCase(Locale.ROOT))
				: this.users.findByUsername(trimmed);
		if (found.isEmpty()) {
			this.passwords.matchNothing(password);
			this.attempts.failed(login, address);
			log.info("Sign-in refused: unknown login");
			throw new InvalidCredentialsException();
		}
		User user = found.get();
		if (!this.passwords.matches(password, user.passwordHash()) || !user.active()) {
			this.attempts.failed(login, address);
			log.info("Sign-in refused userId={} active={}", user.id(), user.active());
			throw new InvalidCredentialsException();
		}
		// The password checks ran outside any transaction, holding no connection for their duration.
		String rehashed = this.passwords.needsRehash(user.passwordHash()) ? this.passwords.hash(password) : null;
		this.attempts.succeeded(login);
		TokenResponse tokens = this.transactions.execute(status -> {
			if (rehashed != null) {
				user.rehashPassword(rehashed, this.clock.instant());
				this.users.save(user);
			}
			return issue(user, UUID.randomUUID());
		});
		log.info("Signed in userId={}", user.id());
		return tokens;
	}

	/**
	 * Exchanges a refresh token for a new access token and a new refresh token.
	 * @throws InvalidRefreshTokenException when it is unknown, expired, revoked, already rotated
	 * (then its family is revoked, and that is committed) or its user was deactivated
	 */
	@Transactional(noRollbackFor = InvalidRefreshTokenException.class)
	TokenResponse refresh(String presented) {
		RefreshToken token = this.refreshTokens.findByTokenHash(Hashes.sha256(presented))
			.orElseThrow(InvalidRefreshTokenException::new);
		Instant now = this.clock.instant();
		if (token.revoked() || token.expiredAt(now)) {
			throw new InvalidRefreshTokenException();
		}
		if (token.rotated()) {
			int revoked = this.refreshTokens.revokeFamily(token.familyId(), now);
			log.warn("Rotated refresh token presented again, family revoked userId={} familyId={} tokens={}",
					token.userId(), token.familyId(), revoked);
			throw new InvalidRefreshTokenException();
		}
		User user = this.users.findById(token.userId()).filter(User::active).orElse(null);
		if (user == null) {
			this.refreshTokens.revokeFamily(token.familyId(), now);
			throw new InvalidRefreshTokenException();
		}
		token.rotate(now);
		return issue(user, token.familyId());
	}

	/**
	 * Signs out one session: revokes the family of the refresh token (when it is the caller's) and
	 * records {@link AccessTokenRevoked} for the access token the caller presented.
	 */
	@Transactional
	void logout(AccessToken current, @Nullable String refreshToken) {
		Instant now = this.clock.instant();
		if (refreshToken != null) {
			this.refreshTokens.findByTokenHash(Hashes.sha256(refreshToken))
				.filter(token -> token.userId().equals(current.userId()))
				.ifPresent(token -> this.refreshTokens.revokeFamily(token.familyId(), now));
		}
		this.events.publishEvent(
				new AccessTokenRevoked(UUID.randomUUID(), now, current.jti(), current.userId(), current.expiresAt()));
		log.info("Signed out userId={}", current.userId());
	}

	/**
	 * Signs out everywhere: revokes every refresh token of the user and records
	 * {@link UserSessionsRevoked}, so that services refuse access tokens issued until now.
	 */
	@Transactional
	void logoutEverywhere(UUID userId) {
		int revoked = endEverywhere(userId, this.clock.instant());
		log.info("Signed out everywhere userId={} refreshTokens={}", userId, revoked);
	}

	/**
	 * Ends every session of the user in the caller's transaction (deactivation, deletion): revokes
	 * every refresh token and every access token issued until now, announced as
	 * {@link UserSessionsRevoked}.
	 * @return how many refresh tokens were revoked
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int endEverywhere(UUID userId, Instant now) {
		int revoked = this.refreshTokens.revokeAllOf(userId, now);
		expireAccessTokens(userId, now);
		return revoked;
	}

	/**
	 * Refuses every access token of the user issued until now, in the caller's transaction, and
	 * announces it as {@link UserSessionsRevoked}; refresh tokens keep working. After a role change
	 * this retires the tokens that carry the old roles: the client's next refresh brings the new ones.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void expireAccessTokens(UUID userId, Instant now) {
		// Flushed first: the revocation below updates the account's row with plain SQL.
		this.users.flush();
		Instant revokedBefore = this.revokedTokens.revokeAllOf(userId);
		this.events.publishEvent(new UserSessionsRevoked(UUID.randomUUID(), now, userId, revokedBefore));
	}

	private TokenResponse issue(User user, UUID familyId) {
		Instant now = this.clock.instant();
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.refreshTokens.save(new RefreshToken(UUID.randomUUID(), Hashes.sha256(refreshToken), familyId, user.id(),
				now, now.plus(this.properties.refreshTokenTtl())));
		AccessToken access = this.accessTokens.issue(user.id(), user.roles(), this.revokedTokens.notBefore(user.id()));
		return new TokenResponse(access.value(), refreshToken, TOKEN_TYPE, this.accessTokens.lifetimeSeconds(),
				TokenResponse.SignedInUser.of(user));
	}

}
