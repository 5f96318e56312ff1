package com.emporium.product.stores;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.product.Slugs;

/** A partial change: a missing (or null) field stays as it is; an empty description removes it. */
record UpdateStoreRequest(
		@Nullable @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
		@Nullable @Size(min = 2, max = 60) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
		@Nullable @Size(max = 2000) String description, @Nullable Boolean active) {
}
