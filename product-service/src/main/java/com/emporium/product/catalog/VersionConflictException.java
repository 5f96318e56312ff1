package com.emporium.product.catalog;

import java.util.UUID;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The caller changed a version of the product that is no longer the current one. */
class VersionConflictException extends ProblemException {

	VersionConflictException(UUID productId, long sent, long current) {
		super(HttpStatus.CONFLICT, "version-conflict",
				"Product %s changed since version %d (it is at %d now): read it again and reapply your change."
					.formatted(productId, sent, current));
		with("currentVersion", current);
	}

}
