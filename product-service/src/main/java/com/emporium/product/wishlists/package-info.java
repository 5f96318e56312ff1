/**
 * Wishlists: each signed-in shopper's list of products they want (the owner is the token's
 * {@code sub}), added to idempotently and removed from, with
 * {@link com.emporium.product.wishlists.WishlistItemAdded} and
 * {@link com.emporium.product.wishlists.WishlistItemRemoved} through the outbox for the
 * recommendation service. Products are referenced by id and read through the catalog's
 * {@link com.emporium.product.catalog.ProductFinder}.
 */
@NullMarked
package com.emporium.product.wishlists;

import org.jspecify.annotations.NullMarked;
