/**
 * The product service: the catalog (stores, categories, products, search, reviews, wishlists) and
 * the stock the checkout saga reserves. It owns the {@code products} database.
 */
@NullMarked
package com.emporium.product;

import org.jspecify.annotations.NullMarked;
