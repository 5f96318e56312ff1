package com.emporium.product.categories;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.product.Slugs;

/**
 * A partial change: a missing field stays as it is; an empty description removes it;
 * {@code "parentId": null} moves the category to the top level. A class, not a record, because a
 * record cannot tell a missing parentId from a null one.
 */
class UpdateCategoryRequest {

	@Size(max = 100)
	@Pattern(regexp = ".*\\S.*", message = "must not be blank")
	private @Nullable String name;

	@Size(min = 2, max = 60)
	@Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
	private @Nullable String slug;

	@Size(max = 1000)
	private @Nullable String description;

	private @Nullable UUID parentId;

	private boolean parentIdSent;

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public void setSlug(@Nullable String slug) {
		this.slug = slug;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public void setParentId(@Nullable UUID parentId) {
		this.parentId = parentId;
		this.parentIdSent = true;
	}

	@Nullable String name() {
		return this.name;
	}

	@Nullable String slug() {
		return this.slug;
	}

	@Nullable String description() {
		return this.description;
	}

	@Nullable UUID parentId() {
		return this.parentId;
	}

	boolean parentIdSent() {
		return this.parentIdSent;
	}

}
