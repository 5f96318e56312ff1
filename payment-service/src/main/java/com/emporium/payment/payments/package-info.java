/**
 * Payments: one per order, created when order-service asks for the money
 * ({@code PaymentRequested}); charged through the {@link com.emporium.payment.processor} port by
 * the saga or by the customer ({@code POST /payments}, for orders paid later), refunded in full or
 * in part (never beyond what was captured) by staff or when the order is cancelled, and kept in
 * step with the processor's webhooks. Publishes {@code PaymentSucceeded}, {@code PaymentFailed}
 * and {@code PaymentRefunded}.
 */
@NullMarked
package com.emporium.payment.payments;

import org.jspecify.annotations.NullMarked;
