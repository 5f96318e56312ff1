package com.emporium.user.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** An account. Changes only through its methods. */
@Entity
@Table(name = "users")
class User {

	/** What a deleted account's password hash becomes: no Argon2 hash, so no password matches it. */
	static final String NO_PASSWORD = "!deleted";

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

	// Eager: sessions read the roles outside a transaction to sign tokens. Batched, so a page of
	// accounts costs one query for all their roles.
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	@BatchSize(size = 100)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> interests = List.of();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "favourite_categories")
	private List<String> favouriteCategories = List.of();

	@Column(name = "price_min")
	private @Nullable BigDecimal priceMin;

	@Column(name = "price_max")
	private @Nullable BigDecimal priceMax;

	@Column(name = "price_currency")
	private @Nullable String priceCurrency;

	private boolean newsletter;

	private boolean active;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "username_changed_at")
	private @Nullable Instant usernameChangedAt;

	@Column(name = "deleted_at")
	private @Nullable Instant deletedAt;

	// A wrapper, so Spring Data sees a new entity (version null) and inserts without a select.
	@Version
	private @Nullable Long version;

	protected User() {
		// for JPA
	}

	User(UUID id, String email, String username, String passwordHash, String firstName, String lastName,
			@Nullable String phone, Set<Role> roles, Instant now) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("An account needs at least one role");
		}
		this.id = id;
		this.email = email;
		this.username = username;
		this.passwordHash = passwordHash;
		this.firstName = firstName;
		this.lastName = lastName;
		this.phone = phone;
		this.roles = EnumSet.copyOf(roles);
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void changeProfile(@Nullable String firstName, @Nullable String lastName, @Nullable String phone,
			@Nullable Preferences preferences, Instant now) {
		requireNotDeleted();
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
		if (preferences != null) {
			changePreferences(preferences);
		}
		this.updatedAt = now;
	}

	/** @return whether it changed (the same username, even in another case, is a change of case) */
	boolean changeUsername(String username, Instant now) {
		requireNotDeleted();
		if (this.username.equals(username)) {
			return false;
		}
		this.username = username;
		this.usernameChangedAt = now;
		this.updatedAt = now;
		return true;
	}

	/** @param email normalised (trimmed, lower case) */
	void changeEmail(String email, Instant now) {
		requireNotDeleted();
		this.email = email;
		this.updatedAt = now;
	}

	/** A stronger hash of the same password, after the hash parameters were raised. */
	void rehashPassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	/** @return whether it changed (an inactive account stays as it is) */
	boolean deactivate(Instant now) {
		requireNotDeleted();
		if (!this.active) {
			return false;
		}
		this.active = false;
		this.updatedAt = now;
		return true;
	}

	/** @return whether it changed (an active account stays as it is) */
	boolean reactivate(Instant now) {
		requireNotDeleted();
		if (this.active) {
			return false;
		}
		this.active = true;
		this.updatedAt = now;
		return true;
	}

	/** @return whether it changed (a role the account has stays) */
	boolean assign(Role role, Instant now) {
		requireNotDeleted();
		if (!this.roles.add(role)) {
			return false;
		}
		this.updatedAt = now;
		return true;
	}

	/**
	 * @return whether it changed (a role the account does not have is not removed)
	 * @throws LastRoleException when it is the account's only role
	 */
	boolean remove(Role role, Instant now) {
		requireNotDeleted();
		if (!this.roles.contains(role)) {
			return false;
		}
		if (this.roles.size() == 1) {
			throw new LastRoleException(role);
		}
		this.roles.remove(role);
		this.updatedAt = now;
		return true;
	}

	/**
	 * Deletes the account but keeps the row, so that orders and other records still name its id:
	 * every personal detail goes, email and username become tombstones (unique, and neither a valid
	 * email nor a valid username, so no registration can take or clash with them), and no password
	 * matches any more. Roles stay: they say nothing about the person.
	 */
	void erase(Instant now) {
		requireNotDeleted();
		String tombstone = "deleted:" + this.id.toString().replace("-", "");
		this.email = tombstone;
		this.username = tombstone;
		this.passwordHash = NO_PASSWORD;
		this.firstName = "";
		this.lastName = "";
		this.phone = null;
		changePreferences(Preferences.NONE);
		this.active = false;
		this.deletedAt = now;
		this.updatedAt = now;
	}

	private void changePreferences(Preferences preferences) {
		this.interests = preferences.interests();
		this.favouriteCategories = preferences.favouriteCategories();
		PriceRange range = preferences.priceRange();
		this.priceMin = (range != null) ? range.min() : null;
		this.priceMax = (range != null) ? range.max() : null;
		this.priceCurrency = (range != null) ? range.currency() : null;
		this.newsletter = preferences.newsletter();
	}

	private void requireNotDeleted() {
		if (this.deletedAt != null) {
			throw new AccountDeletedException(this.id);
		}
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

	boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** The role names, in the enum's order: the {@code roles} claim of the account's tokens. */
	List<String> roles() {
		return this.roles.stream().sorted().map(Role::name).toList();
	}

	List<String> permissions() {
		return List.copyOf(Role.permissionsOf(this.roles));
	}

	Preferences preferences() {
		PriceRange range = (this.priceMin != null && this.priceMax != null && this.priceCurrency != null)
				? new PriceRange(this.priceMin, this.priceMax, this.priceCurrency) : null;
		return new Preferences(List.copyOf(this.interests), List.copyOf(this.favouriteCategories), range,
				this.newsletter);
	}

	boolean active() {
		return this.active;
	}

	boolean deleted() {
		return this.deletedAt != null;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	@Nullable Instant usernameChangedAt() {
		return this.usernameChangedAt;
	}

	@Nullable Instant deletedAt() {
		return this.deletedAt;
	}

}
