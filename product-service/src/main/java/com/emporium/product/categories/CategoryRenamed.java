package com.emporium.product.categories;

import java.util.UUID;

/**
 * A category got a new name. In-process only (not externalized): published in the rename's
 * transaction, so that a listener there (the catalog's) writes what depends on the name in the same
 * commit.
 *
 * @param categoryId the category
 * @param name its new name
 */
public record CategoryRenamed(UUID categoryId, String name) {
}
