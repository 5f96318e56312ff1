package com.emporium.product.descriptions;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A description draft.
 *
 * @param text plain text, as the model wrote it (cut to the length cap); not HTML
 * @param acceptedAt when it became the product's description, or null
 */
record DraftView(UUID id, UUID productId, String text, String model, UUID requestedBy, Instant createdAt,
		@Nullable Instant acceptedAt) {
}
