package com.emporium.platform.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sends a request: the user id from the token's {@code sub} and the roles from its
 * {@code roles} claim, or nobody (a guest). Features decide ownership with it; the URL rules
 * ({@code EndpointAuthorization}) have already checked the roles an endpoint needs.
 *
 * @param userId the account's id, or null when anonymous (or the token's subject is no user id)
 * @param roles the roles, without the {@code ROLE_} prefix
 */
public record Caller(@Nullable UUID userId, Set<String> roles) {

	public static final Caller ANONYMOUS = new Caller(null, Set.of());

	public static Caller of(@Nullable Jwt jwt) {
		if (jwt == null) {
			return ANONYMOUS;
		}
		List<String> roles = jwt.getClaimAsStringList("roles");
		return new Caller(parse(jwt.getSubject()), (roles != null) ? Set.copyOf(roles) : Set.of());
	}

	public boolean isAdmin() {
		return this.roles.contains("ADMIN");
	}

	/** Admins and managers: they run the shop and see what is hidden from shoppers. */
	public boolean isStaff() {
		return isAdmin() || this.roles.contains("MANAGER");
	}

	public boolean is(@Nullable UUID user) {
		return this.userId != null && this.userId.equals(user);
	}

	/** The caller's user id, for what they will own. */
	public UUID requireUserId() {
		if (this.userId == null) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
					"Your token does not name a user account, so you cannot own anything.");
		}
		return this.userId;
	}

	private static @Nullable UUID parse(@Nullable String subject) {
		try {
			return (subject != null) ? UUID.fromString(subject) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
