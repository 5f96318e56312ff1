package com.emporium.user.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A refresh token, known only by its SHA-256 hash. Tokens of one sign-in share a family: each
 * rotation marks the presented token rotated and adds its successor to the family.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken {

	@Id
	private UUID id;

	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "family_id")
	private UUID familyId;

	@Column(name = "user_id")
	private UUID userId;

	@Column(name = "issued_at")
	private Instant issuedAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "rotated_at")
	private @Nullable Instant rotatedAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	protected RefreshToken() {
		// for JPA
	}

	RefreshToken(UUID id, String tokenHash, UUID familyId, UUID userId, Instant issuedAt, Instant expiresAt) {
		this.id = id;
		this.tokenHash = tokenHash;
		this.familyId = familyId;
		this.userId = userId;
		this.issuedAt = issuedAt;
		this.expiresAt = expiresAt;
	}

	void rotate(Instant now) {
		this.rotatedAt = now;
	}

	boolean rotated() {
		return this.rotatedAt != null;
	}

	boolean revoked() {
		return this.revokedAt != null;
	}

	boolean expiredAt(Instant now) {
		return !this.expiresAt.isAfter(now);
	}

	UUID familyId() {
		return this.familyId;
	}

	UUID userId() {
		return this.userId;
	}

}
