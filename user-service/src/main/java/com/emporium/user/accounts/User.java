package com.emporium.user.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** An account. Changes only through its methods. */
@Entity
@Table(name = "users")
class User {

	@Id
	private UUID id;

	private String email;

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "first_name")
	private String firstName;

	@Column(name = "last_name")
	private String lastName;

	private @Nullable String phone;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean active;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	// A wrapper, so Spring Data sees a new entity (version null) and inserts without a select.
	@Version
	private @Nullable Long version;

	protected User() {
		// for JPA
	}

	User(UUID id, String email, String username, String passwordHash, String firstName, String lastName,
			@Nullable String phone, Role role, Instant now) {
		this.id = id;
		this.email = email;
		this.username = username;
		this.passwordHash = passwordHash;
		this.firstName = firstName;
		this.lastName = lastName;
		this.phone = phone;
		this.role = role;
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void changeProfile(@Nullable String firstName, @Nullable String lastName, @Nullable String phone, Instant now) {
		if (firstName != null) {
			this.firstName = firstName;
		}
		if (lastName != null) {
			this.lastName = lastName;
		}
		if (phone != null) {
			// An empty phone removes it.
			this.phone = phone.isEmpty() ? null : phone;
		}
		this.updatedAt = now;
	}

	/** A stronger hash of the same password, after the hash parameters were raised. */
	void rehashPassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	/** @return whether it changed (an inactive account stays as it is) */
	boolean deactivate(Instant now) {
		if (!this.active) {
			return false;
		}
		this.active = false;
		this.updatedAt = now;
		return true;
	}

	UUID id() {
		return this.id;
	}

	String email() {
		return this.email;
	}

	String username() {
		return this.username;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	String firstName() {
		return this.firstName;
	}

	String lastName() {
		return this.lastName;
	}

	@Nullable String phone() {
		return this.phone;
	}

	Role role() {
		return this.role;
	}

	List<String> roles() {
		return List.of(this.role.name());
	}

	boolean active() {
		return this.active;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
