package com.emporium.product.categories;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A category of the tree; its parent is named by id. Changes only through its methods. */
@Entity
@Table(name = "categories")
class Category {

	@Id
	private UUID id;

	@Column(name = "parent_id")
	private @Nullable UUID parentId;

	private String name;

	private String slug;

	private @Nullable String description;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected Category() {
		// for JPA
	}

	Category(UUID id, @Nullable UUID parentId, String name, String slug, @Nullable String description, Instant now) {
		this.id = id;
		this.parentId = parentId;
		this.name = name;
		this.slug = slug;
		this.description = description;
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

	/** Moves the category (with what lies beneath it); the caller has checked for cycles. */
	void moveTo(@Nullable UUID parentId, Instant now) {
		this.parentId = parentId;
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	@Nullable UUID parentId() {
		return this.parentId;
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

}
