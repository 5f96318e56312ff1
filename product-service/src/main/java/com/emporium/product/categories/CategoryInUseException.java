package com.emporium.product.categories;

import java.util.UUID;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A category with sub-categories or products stays. */
class CategoryInUseException extends ProblemException {

	CategoryInUseException(UUID categoryId, String what) {
		super(HttpStatus.CONFLICT, "category-in-use",
				"Category %s has %s: move or delete them first.".formatted(categoryId, what));
		with("id", categoryId.toString());
	}

}
