/**
 * Reviews: a signed-in shopper's rating (1-5), title and text of a product, one per shopper and
 * product; helpful votes, one per shopper and never on one's own review; the product's average
 * rating and count, kept by {@link com.emporium.product.catalog.Ratings} in the review's
 * transaction; "verified purchase" from order-service's {@code OrderPlaced} and
 * {@code OrderConfirmed}; {@link com.emporium.product.reviews.ReviewPosted} through the outbox.
 */
@NullMarked
package com.emporium.product.reviews;

import org.jspecify.annotations.NullMarked;
