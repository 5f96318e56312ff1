package com.emporium.product.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a product says about itself, for writing its description.
 *
 * @param category the category's name
 * @param version the version read
 */
public record ProductFacts(UUID id, String name, @Nullable String brand, @Nullable String category, List<String> tags,
		Map<String, String> attributes, @Nullable String description, long version) {
}
