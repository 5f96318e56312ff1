/**
 * Orders: checkout turns a user's cart into an order (priced from the catalog read model, with tax
 * and shipping from configuration, guarded by an {@code Idempotency-Key}), and the order's
 * lifecycle from {@code PENDING} to {@code DELIVERED}, {@code CANCELLED} or {@code REFUNDED}, with
 * the legal transitions in {@link com.emporium.order.orders.OrderStatus} and a history of each.
 * It orchestrates the order saga: it publishes {@link com.emporium.order.orders.OrderPlaced} and
 * {@link com.emporium.order.orders.PaymentRequested}, and moves the order on the stock and payment
 * events of product-service and payment-service ({@code OrderSaga}).
 */
@NullMarked
package com.emporium.order.orders;

import org.jspecify.annotations.NullMarked;
