package com.emporium.user.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.NotFoundException;
import com.emporium.user.audit.AuditAction;
import com.emporium.user.audit.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens accounts, reads and edits profiles, and deletes accounts. */
@Service
class Accounts {

	/** 3 to 30 letters, digits, dots, underscores or dashes. */
	static final String USERNAME = "[A-Za-z0-9._-]{3,30}";

	/** 7 to 20 characters: what the {@code phone} columns hold. */
	static final String PHONE = "\\+?[0-9][0-9 ()-]{5,17}[0-9]";

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	private final Users users;

	private final Sessions sessions;

	private final PasswordPolicy policy;

	private final Passwords passwords;

	private final LoginAttempts attempts;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Accounts(Users users, Sessions sessions, PasswordPolicy policy, Passwords passwords, LoginAttempts attempts,
			AuditLog auditLog, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.sessions = sessions;
		this.policy = policy;
		this.passwords = passwords;
		this.attempts = attempts;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens a customer or vendor account; a vendor's also records {@link UserRegistered}, every one
	 * {@link AccountDetailsChanged}. The unique indexes decide whether the email or username is
	 * taken, so two concurrent registrations cannot both win.
	 */
	UserView register(RegisterRequest request) {
		User user = open(request.email(), request.username(), request.password(), request.firstName().strip(),
				request.lastName().strip(), request.phone(), Set.of(request.roleOrDefault()), null);
		return UserView.of(user);
	}

	/** The first admin, from configuration. */
	User createAdmin(String email, String username, String password) {
		return open(email, username, password, "Emporium", "Admin", null, Set.of(Role.ADMIN), null);
	}

	/**
	 * Opens an account with any roles; a vendor's also records {@link UserRegistered}; every one
	 * publishes {@link AccountDetailsChanged} (in-process), so the profile is announced.
	 * @param openedBy the admin who opens it (the audit log records it), or null for a registration
	 * @throws WeakPasswordException when the password breaks the policy
	 * @throws AccountExistsException when the email or username is taken
	 */
	User open(String email, String username, String password, String firstName, String lastName,
			@Nullable String phone, Set<Role> roles, @Nullable UUID openedBy) {
		this.policy.check(password, email, username);
		// Hashing takes tens of milliseconds: outside the transaction, holding no connection.
		String hash = this.passwords.hash(password);
		User created = this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			User user = new User(UUID.randomUUID(), email, username, hash, firstName, lastName, phone, roles, now);
			try {
				this.users.saveAndFlush(user);
			}
			catch (DataIntegrityViolationException ex) {
				throw new AccountExistsException(takenField(ex));
			}
			if (user.has(Role.VENDOR)) {
				this.events.publishEvent(UserRegistered.of(user, now));
			}
			this.events.publishEvent(new AccountDetailsChanged(user.id()));
			if (openedBy != null) {
				this.auditLog.record(openedBy, AuditAction.USER_CREATED, user.id(), null, AccountSnapshot.of(user));
			}
			return user;
		});
		log.info("Account registered userId={} roles={} by={}", created.id(), created.roles(), openedBy);
		return created;
	}

	boolean usernameAvailable(String username) {
		return !this.users.usernameTaken(username);
	}

	boolean adminExists() {
		return this.users.activeWithRole(Role.ADMIN);
	}

	@Transactional(readOnly = true)
	UserView me(UUID userId) {
		return UserView.of(active(userId));
	}

	@Transactional
	UserView changeProfile(UUID userId, UpdateProfileRequest request) {
		User user = lockedActive(userId);
		AccountContact before = contact(user);
		PreferencesRequest preferences = request.preferences();
		user.changeProfile(strip(request.firstName()), strip(request.lastName()), strip(request.phone()),
				(preferences != null) ? Preferences.of(preferences) : null, this.clock.instant());
		announceIfChanged(before, user);
		log.info("Profile changed userId={}", userId);
		return UserView.of(user);
	}

	/**
	 * Gives the account a new username; the unique index decides whether it is taken (by another
	 * account, in any case).
	 * @throws AccountExistsException naming {@code username} when it is taken
	 */
	@Transactional
	UserView changeUsername(UUID userId, String username) {
		User user = lockedActive(userId);
		if (user.changeUsername(username, this.clock.instant())) {
			try {
				this.users.saveAndFlush(user);
			}
			catch (DataIntegrityViolationException ex) {
				throw new AccountExistsException(takenField(ex));
			}
			log.info("Username changed userId={}", userId);
		}
		return UserView.of(user);
	}

	/**
	 * The owner deletes their account, confirming with their password (checked like a sign-in, with
	 * the same lock-out after repeated failures). Admins cannot: another admin must delete them.
	 * @param address the client's address, for {@link LoginAttempts}
	 * @throws InvalidCredentialsException when the password is wrong
	 * @see #erase
	 */
	void deleteOwn(UUID userId, String password, String address) {
		User user = active(userId);
		if (user.has(Role.ADMIN)) {
			throw new SelfAdministrationException("delete their own account");
		}
		this.attempts.checkAllowed(user.username(), address);
		// Checked outside the transaction, holding no connection for the hash's duration.
		if (!this.passwords.matches(password, user.passwordHash())) {
			this.attempts.failed(user.username(), address);
			log.info("Account deletion refused: wrong password userId={}", userId);
			throw new InvalidCredentialsException();
		}
		this.transactions.executeWithoutResult(status -> {
			User locked = lockedActive(userId);
			// An admin may have made the account an admin in the meantime.
			if (locked.has(Role.ADMIN)) {
				throw new SelfAdministrationException("delete their own account");
			}
			erase(locked, userId);
		});
	}

	/**
	 * Deletes an account in the caller's transaction: personal data erased ({@link User#erase}),
	 * every session ended ({@link UserSessionsRevoked}), {@link UserDeleted} published (the address
	 * book empties itself on it, in this transaction), the deletion recorded in the audit log and
	 * the account's personal data stripped from the log's earlier snapshots.
	 * @param actorId who deletes it: the owner or an admin
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void erase(User user, UUID actorId) {
		Instant now = this.clock.instant();
		AccountSnapshot before = AccountSnapshot.of(user);
		user.erase(now);
		this.sessions.endEverywhere(user.id(), now);
		this.events.publishEvent(new UserDeleted(UUID.randomUUID(), now, user.id()));
		this.auditLog.record(actorId, AuditAction.USER_DELETED, user.id(), before, AccountSnapshot.of(user));
		this.auditLog.forget(user.id(), AccountSnapshot.PERSONAL);
		log.info("Account deleted userId={} by={}", user.id(), actorId);
	}

	/**
	 * Tells the other features that the account's email or names changed
	 * ({@link AccountDetailsChanged}); a change of phone or preferences alone says nothing.
	 */
	void announceIfChanged(AccountContact before, User user) {
		if (!contact(user).equals(before)) {
			this.events.publishEvent(new AccountDetailsChanged(user.id()));
		}
	}

	static AccountContact contact(User user) {
		return new AccountContact(user.id(), user.email(), user.firstName(), user.lastName(), user.deleted());
	}

	@Transactional(readOnly = true)
	PublicUserView publicView(UUID userId) {
		return PublicUserView.of(active(userId));
	}

	/** An active account (not deactivated, not deleted), or 404. */
	private User active(UUID userId) {
		return this.users.findById(userId)
			.filter(User::active)
			.orElseThrow(() -> new NotFoundException("User", userId));
	}

	private User lockedActive(UUID userId) {
		return this.users.findLockedById(userId)
			.filter(User::active)
			.orElseThrow(() -> new NotFoundException("User", userId));
	}

	/** The field whose unique index refused the change, or the exception again if it was another. */
	static String takenField(DataIntegrityViolationException ex) {
		String message = String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		if (message.contains("users_username_key")) {
			return "username";
		}
		if (message.contains("users_email_key")) {
			return "email";
		}
		throw ex;
	}

	static @Nullable String strip(@Nullable String value) {
		return (value != null) ? value.strip() : null;
	}

}
