package com.emporium.product.stores;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A store as clients see it. */
record StoreView(UUID id, UUID ownerId, String name, String slug, @Nullable String description, boolean active,
		Instant createdAt, Instant updatedAt) {

	static StoreView of(Store store) {
		return new StoreView(store.id(), store.ownerId(), store.name(), store.slug(), store.description(),
				store.active(), store.createdAt(), store.updatedAt());
	}

}
