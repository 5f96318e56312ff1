package com.emporium.product.categories;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.product.Slugs;

/**
 * What an admin sends to add a category.
 *
 * @param parentId the category above it, or null for a top-level one
 */
record CreateCategoryRequest(@NotBlank @Size(max = 100) String name,
		@NotNull @Size(min = 2, max = 60) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
		@Nullable @Size(max = 1000) String description, @Nullable UUID parentId) {
}
