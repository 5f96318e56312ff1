package com.emporium.product.stores;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** Only a store's owner, or an admin, may change it. */
class NotStoreOwnerException extends ProblemException {

	NotStoreOwnerException(String action) {
		super(HttpStatus.FORBIDDEN, "forbidden", "Only the store's owner or an admin may %s.".formatted(action));
	}

}
