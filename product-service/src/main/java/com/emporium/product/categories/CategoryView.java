package com.emporium.product.categories;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A category with the categories beneath it, as clients see it. */
record CategoryView(UUID id, String name, String slug, @Nullable String description, @Nullable UUID parentId,
		List<CategoryView> children) {

}
