package com.emporium.product.catalog;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A product as clients see it. */
record ProductView(UUID id, String name, @Nullable String description, Money price, Instant createdAt) {

	static ProductView of(Product product) {
		return new ProductView(product.id(), product.name(), product.description(), product.price(),
				product.createdAt());
	}

}
