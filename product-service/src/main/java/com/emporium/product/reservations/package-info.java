/**
 * Stock reservations, product-service's part of the checkout saga: reserves every line of an
 * order on {@code OrderPlaced} (all or nothing, through the catalog's
 * {@link com.emporium.product.catalog.Inventory}), turns the reservation into a sale on
 * {@code OrderConfirmed}, releases it on {@code OrderCancelled} or when it expires unpaid, and says
 * so with {@code StockReserved}, {@code StockReservationFailed} and {@code StockReleased}. One row
 * per order in {@code stock_reservations} makes every step idempotent and order-independent.
 */
@NullMarked
package com.emporium.product.reservations;

import org.jspecify.annotations.NullMarked;
