package com.emporium.product.catalog;

import org.jspecify.annotations.Nullable;

/** A picture of a product, as stored and shown; a product's images have exactly one primary. */
record Image(String url, @Nullable String alt, boolean primary) {
}
