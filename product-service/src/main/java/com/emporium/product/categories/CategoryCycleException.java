package com.emporium.product.categories;

import java.util.List;
import java.util.UUID;

import com.emporium.platform.web.FieldError;
import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A category cannot sit beneath itself. */
class CategoryCycleException extends ProblemException {

	CategoryCycleException(UUID categoryId, UUID parentId) {
		super(HttpStatus.CONFLICT, "category-cycle",
				"Category %s cannot move beneath %s: that is the category itself or lies beneath it."
					.formatted(categoryId, parentId));
		with("errors", List.of(FieldError.body("#/parentId", "is the category itself or lies beneath it")));
	}

}
