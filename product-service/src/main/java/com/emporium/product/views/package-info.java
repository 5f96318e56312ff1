/**
 * Views: counts the products shoppers read ({@code GET /products/{id}}), once per viewer within a
 * window, feeds the counts to the catalog's popularity, keeps each signed-in shopper's recently
 * viewed products, and publishes {@link com.emporium.product.views.ProductViewed} for every counted
 * view. Reads are only noted on the request's thread; a background flush writes them in batches
 * (see {@link com.emporium.product.views.ViewCounter}).
 */
@NullMarked
package com.emporium.product.views;

import org.jspecify.annotations.NullMarked;
