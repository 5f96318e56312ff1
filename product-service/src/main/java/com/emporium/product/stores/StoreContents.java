package com.emporium.product.stores;

import java.util.UUID;

/**
 * What a store holds, answered by the catalog (which depends on this feature, not the other way
 * round).
 */
public interface StoreContents {

	/** Whether the store has products that are not deleted, listed or not. */
	boolean hasProducts(UUID storeId);

}
