package com.emporium.product.categories;

import java.util.UUID;

/**
 * Whether products use a category, answered by the catalog (which depends on this feature, not the
 * other way round).
 */
public interface CategoryUsage {

	/** Whether products that are not deleted are in this very category (not counting sub-categories). */
	boolean isUsed(UUID categoryId);

}
