/**
 * Products: what is sold, at what price. Creating a product publishes {@link
 * com.emporium.product.catalog.ProductCreated} through the outbox, in the same transaction.
 */
@NullMarked
package com.emporium.product.catalog;

import org.jspecify.annotations.NullMarked;
