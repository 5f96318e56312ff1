package com.emporium.product.stores;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A vendor's store. Changes only through its methods; deleting it keeps the row. */
@Entity
@Table(name = "stores")
class Store {

	@Id
	private UUID id;

	@Column(name = "owner_id")
	private UUID ownerId;

	private String name;

	private String slug;

	private @Nullable String description;

	private boolean active;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "deleted_at")
	private @Nullable Instant deletedAt;

	// A wrapper, so Spring Data sees a new entity (version null) and inserts without a select.
	@Version
	private @Nullable Long version;

	protected Store() {
		// for JPA
	}

	Store(UUID id, UUID ownerId, String name, String slug, @Nullable String description, Instant now) {
		this.id = id;
		this.ownerId = ownerId;
		this.name = name;
		this.slug = slug;
		this.description = description;
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void rename(String name, Instant now) {
		this.name = name;
		this.updatedAt = now;
	}

	void changeSlug(String slug, Instant now) {
		this.slug = slug;
		this.updatedAt = now;
	}

	void describe(@Nullable String description, Instant now) {
		this.description = description;
		this.updatedAt = now;
	}

	/** Opens (shoppers see it) or closes the store. */
	void activate(boolean active, Instant now) {
		this.active = active;
		this.updatedAt = now;
	}

	void delete(Instant now) {
		this.deletedAt = now;
		this.active = false;
		this.updatedAt = now;
	}

	boolean ownedBy(@Nullable UUID userId) {
		return this.ownerId.equals(userId);
	}

	UUID id() {
		return this.id;
	}

	UUID ownerId() {
		return this.ownerId;
	}

	String name() {
		return this.name;
	}

	String slug() {
		return this.slug;
	}

	@Nullable String description() {
		return this.description;
	}

	boolean active() {
		return this.active;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
