package com.emporium.user.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.NotFoundException;
import com.emporium.user.audit.AuditAction;
import com.emporium.user.audit.AuditLog;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins (and, for reading, managers) do to accounts. Every change locks the account's row,
 * and is recorded in the audit log in the same transaction; a request that changes nothing (a role
 * the account already has, deactivating an inactive account) records nothing.
 */
@Service
class Administration {

	private static final Logger log = LoggerFactory.getLogger(Administration.class);

	private final Users users;

	private final Accounts accounts;

	private final Sessions sessions;

	private final AuditLog auditLog;

	private final Clock clock;

	Administration(Users users, Accounts accounts, Sessions sessions, AuditLog auditLog, Clock clock) {
		this.users = users;
		this.accounts = accounts;
		this.sessions = sessions;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Accounts that are not deleted, newest first.
	 * @param text part of an email, username or full name (case-insensitive), or null for all
	 * @param role only accounts with this role, or null for all
	 * @param active only active (true) or deactivated (false) accounts, or null for both
	 */
	@Transactional(readOnly = true)
	Page<AdminUserView> search(@Nullable String text, @Nullable Role role, @Nullable Boolean active,
			Pageable pageable) {
		String pattern = (text != null && !text.isBlank()) ? "%" + text.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_") + "%" : null;
		return this.users.search(pattern, role, active, pageable).map(AdminUserView::of);
	}

	/** Any account, a deleted one too (its tombstone, so that an id on an old order can be explained). */
	@Transactional(readOnly = true)
	AdminUserView get(UUID userId) {
		return AdminUserView.of(this.users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId)));
	}

	/** Opens an account with any roles, under the rules of registration. */
	AdminUserView create(CreateAccountRequest request, UUID adminId) {
		User user = this.accounts.open(request.email(), request.username(), request.password(),
				request.firstName().strip(), request.lastName().strip(), request.phone(),
				EnumSet.copyOf(request.roles()), adminId);
		return AdminUserView.of(user);
	}

	/**
	 * Changes an account's email, names or phone.
	 * @throws AccountExistsException naming {@code email} when another account has it
	 */
	@Transactional
	AdminUserView change(UUID userId, ChangeAccountRequest request, UUID adminId) {
		User user = locked(userId);
		AccountSnapshot before = AccountSnapshot.of(user);
		AccountContact contact = Accounts.contact(user);
		Instant now = this.clock.instant();
		String email = request.email();
		if (email != null && !email.equals(user.email())) {
			user.changeEmail(email, now);
		}
		user.changeProfile(Accounts.strip(request.firstName()), Accounts.strip(request.lastName()),
				Accounts.strip(request.phone()), null, now);
		try {
			this.users.saveAndFlush(user);
		}
		catch (DataIntegrityViolationException ex) {
			throw new AccountExistsException(Accounts.takenField(ex));
		}
		audit(adminId, AuditAction.USER_UPDATED, before, user);
		this.accounts.announceIfChanged(contact, user);
		return AdminUserView.of(user);
	}

	/**
	 * Closes an account: it can no longer sign in or refresh, and every session ends
	 * ({@link UserSessionsRevoked}).
	 */
	@Transactional
	void deactivate(UUID userId, UUID adminId) {
		if (userId.equals(adminId)) {
			throw new SelfAdministrationException("deactivate their own account");
		}
		User user = locked(userId);
		AccountSnapshot before = AccountSnapshot.of(user);
		Instant now = this.clock.instant();
		if (user.deactivate(now)) {
			this.sessions.endEverywhere(userId, now);
			audit(adminId, AuditAction.USER_DEACTIVATED, before, user);
			log.info("Account deactivated userId={} by={}", userId, adminId);
		}
	}

	/** Opens a deactivated account again; its owner signs in anew (the old sessions stay ended). */
	@Transactional
	void reactivate(UUID userId, UUID adminId) {
		User user = locked(userId);
		AccountSnapshot before = AccountSnapshot.of(user);
		if (user.reactivate(this.clock.instant())) {
			audit(adminId, AuditAction.USER_REACTIVATED, before, user);
			log.info("Account reactivated userId={} by={}", userId, adminId);
		}
	}

	/** Deletes an account as its owner would ({@link Accounts#erase}); a deleted one stays deleted. */
	@Transactional
	void delete(UUID userId, UUID adminId) {
		if (userId.equals(adminId)) {
			throw new SelfAdministrationException("delete their own account");
		}
		User user = locked(userId);
		if (!user.deleted()) {
			this.accounts.erase(user, adminId);
		}
	}

	/**
	 * Grants a role. The account's access tokens issued until now are refused from now on
	 * ({@link UserSessionsRevoked}), so none keeps the old roles; its next refresh brings the new ones.
	 */
	@Transactional
	AdminUserView assign(UUID userId, Role role, UUID adminId) {
		User user = locked(userId);
		AccountSnapshot before = AccountSnapshot.of(user);
		Instant now = this.clock.instant();
		if (user.assign(role, now)) {
			this.sessions.expireAccessTokens(userId, now);
			audit(adminId, AuditAction.ROLE_ASSIGNED, before, user);
			log.info("Role assigned userId={} role={} by={}", userId, role, adminId);
		}
		return AdminUserView.of(user);
	}

	/**
	 * Removes a role, retiring the account's access tokens as {@link #assign} does.
	 * @throws LastRoleException when it is the account's only role
	 * @throws SelfAdministrationException when an admin removes their own ADMIN role
	 */
	@Transactional
	AdminUserView remove(UUID userId, Role role, UUID adminId) {
		if (userId.equals(adminId) && role == Role.ADMIN) {
			throw new SelfAdministrationException("remove their own ADMIN role");
		}
		User user = locked(userId);
		AccountSnapshot before = AccountSnapshot.of(user);
		Instant now = this.clock.instant();
		if (user.remove(role, now)) {
			this.sessions.expireAccessTokens(userId, now);
			audit(adminId, AuditAction.ROLE_REMOVED, before, user);
			log.info("Role removed userId={} role={} by={}", userId, role, adminId);
		}
		return AdminUserView.of(user);
	}

	private User locked(UUID userId) {
		return this.users.findLockedById(userId).orElseThrow(() -> new NotFoundException("User", userId));
	}

	private void audit(UUID adminId, AuditAction action, AccountSnapshot before, User user) {
		AccountSnapshot after = AccountSnapshot.of(user);
		if (!after.equals(before)) {
			this.auditLog.record(adminId, action, user.id(), before, after);
		}
	}

}
