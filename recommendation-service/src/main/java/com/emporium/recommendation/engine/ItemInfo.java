package com.emporium.recommendation.engine;

import java.io.Serializable;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the content model knows of a product: its words, its category and tags.
 *
 * @param id the product id
 * @param text name and description
 * @param category a category name or id, or null
 * @param tags tags and attribute values
 */
public record ItemInfo(String id, String text, @Nullable String category, List<String> tags) implements Serializable {

	public ItemInfo {
		tags = List.copyOf(tags);
	}

	static ItemInfo unknown(String id) {
		return new ItemInfo(id, "", null, List.of());
	}

}
