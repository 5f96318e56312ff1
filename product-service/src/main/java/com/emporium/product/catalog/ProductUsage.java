package com.emporium.product.catalog;

import java.util.UUID;

import com.emporium.product.categories.CategoryUsage;
import com.emporium.product.stores.StoreContents;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells stores and categories whether products (not deleted) still use them. */
@Component
class ProductUsage implements StoreContents, CategoryUsage {

	private final Products products;

	ProductUsage(Products products) {
		this.products = products;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasProducts(UUID storeId) {
		return this.products.existsLiveInStore(storeId);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isUsed(UUID categoryId) {
		return this.products.existsLiveInCategory(categoryId);
	}

}
