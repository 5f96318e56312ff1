/**
 * The payment service: takes the money of orders (the payment side of the order saga, and
 * {@code POST /payments} for orders paid later), refunds it, and hears the card processor's
 * webhooks. Cards go to a processor behind a port (a built-in simulator, or a Stripe-compatible
 * HTTP API); only a card's brand and last four digits are kept. It owns the {@code payments}
 * database.
 */
@NullMarked
package com.emporium.payment;

import org.jspecify.annotations.NullMarked;
