package com.emporium.product.catalog;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A completion for what a shopper is typing.
 *
 * @param kind {@code product} (a product's name, {@code productId} names it) or {@code brand}
 * @param productId the product, for kind {@code product}
 */
public record Suggestion(String text, String kind, @Nullable UUID productId) {
}
