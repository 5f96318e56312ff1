package com.emporium.user.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.NotFoundException;
import com.emporium.platform.web.ProblemException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens accounts and reads and edits profiles. */
@Service
class Accounts {

	/** 3 to 30 letters, digits, dots, underscores or dashes. */
	static final String USERNAME = "[A-Za-z0-9._-]{3,30}";

	static final String PHONE = "\\+?[0-9][0-9 ()-]{5,18}[0-9]";

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	private final Users users;

	private final RefreshTokens refreshTokens;

	private final RevokedTokens revokedTokens;

	private final PasswordPolicy policy;

	private final Passwords passwords;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Accounts(Users users, RefreshTokens refreshTokens, RevokedTokens revokedTokens, PasswordPolicy policy, Passwords passwords, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.revokedTokens = revokedTokens;
		this.policy = policy;
		this.passwords = passwords;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens a customer or vendor account; a vendor's also records {@link UserRegistered}. The unique
	 * indexes decide whether the email or username is taken, so two concurrent registrations
	 * cannot both win.
	 */
	UserView register(RegisterRequest request) {
		User user = create(request.email(), request.username(), request.password(), request.firstName().strip(),
				request.lastName().strip(), request.phone(), request.roleOrDefault());
		return UserView.of(user);
	}

	/** The first admin, from configuration. */
	User createAdmin(String email, String username, String password) {
		return create(email, username, password, "Emporium", "Admin", null, Role.ADMIN);
	}

	private User create(String email, String username, String password, String firstName, String lastName,
			@Nullable String phone, Role role) {
		this.policy.check(password, email, username);
		// Hashing takes tens of milliseconds: outside the transaction, holding no connection.
		String hash = this.passwords.hash(password);
		User created = this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			User user = new User(UUID.randomUUID(), email, username, hash, firstName, lastName, phone, role, now);
			try {
				this.users.saveAndFlush(user);
			}
			catch (DataIntegrityViolationException ex) {
				throw new AccountExistsException(takenField(ex));
			}
			if (role == Role.VENDOR) {
				this.events.publishEvent(UserRegistered.of(user, now));
			}
			return user;
		});
		log.info("Account registered userId={} role={}", created.id(), role);
		return created;
	}

	boolean usernameAvailable(String username) {
		return !this.users.usernameTaken(username);
	}

	boolean adminExists() {
		return this.users.existsByRole(Role.ADMIN);
	}

	@Transactional(readOnly = true)
	UserView me(UUID userId) {
		return UserView.of(active(userId));
	}

	@Transactional
	UserView changeProfile(UUID userId, UpdateProfileRequest request) {
		User user = active(userId);
		user.changeProfile(strip(request.firstName()), strip(request.lastName()), strip(request.phone()),
				this.clock.instant());
		log.info("Profile changed userId={}", userId);
		return UserView.of(user);
	}

	/**
	 * Admins' and managers' list, newest first.
	 * @param text part of an email or username (case-insensitive), or null for all
	 * @param role only this role, or null for all
	 */
	@Transactional(readOnly = true)
	Page<AdminUserView> search(@Nullable String text, @Nullable Role role, Pageable pageable) {
		String pattern = (text != null && !text.isBlank()) ? "%" + text.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_") + "%" : null;
		return this.users.search(pattern, role, pageable).map(AdminUserView::of);
	}

	/**
	 * An admin closes an account: it can no longer sign in or refresh, every refresh token is
	 * revoked and {@link UserSessionsRevoked} tells the fleet to refuse its access tokens.
	 */
	@Transactional
	void deactivate(UUID userId, UUID adminId) {
		if (userId.equals(adminId)) {
			throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Admins cannot deactivate their own account.");
		}
		User user = this.users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
		Instant now = this.clock.instant();
		if (user.deactivate(now)) {
			this.refreshTokens.revokeAllOf(userId, now);
			// Flushed first: the revocation below updates the same row with plain SQL.
			this.users.flush();
			Instant revokedBefore = this.revokedTokens.revokeAllOf(userId);
			this.events.publishEvent(new UserSessionsRevoked(UUID.randomUUID(), now, userId, revokedBefore));
			log.info("Account deactivated userId={} by={}", userId, adminId);
		}
	}

	@Transactional(readOnly = true)
	PublicUserView publicView(UUID userId) {
		return PublicUserView.of(active(userId));
	}

	private User active(UUID userId) {
		return this.users.findById(userId)
			.filter(User::active)
			.orElseThrow(() -> new NotFoundException("User", userId));
	}

	private static String takenField(DataIntegrityViolationException ex) {
		String message = String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		if (message.contains("users_username_key")) {
			return "username";
		}
		if (message.contains("users_email_key")) {
			return "email";
		}
		throw ex;
	}

	private static @Nullable String strip(@Nullable String value) {
		return (value != null) ? value.strip() : null;
	}

}
