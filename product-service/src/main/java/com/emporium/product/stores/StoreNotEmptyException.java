package com.emporium.product.stores;

import java.util.UUID;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A store is deleted only when none of its products is left. */
class StoreNotEmptyException extends ProblemException {

	StoreNotEmptyException(UUID storeId) {
		super(HttpStatus.CONFLICT, "store-not-empty",
				"Store %s still has products: delete them first.".formatted(storeId));
		with("id", storeId.toString());
	}

}
