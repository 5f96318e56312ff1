/**
 * The card processor: a port ({@link com.emporium.payment.processor.CardProcessor}) that charges
 * (authorises and captures at once) and refunds, with two adapters chosen by
 * {@code emporium.payments.processor.type}: the built-in {@code simulator} (the default: documented
 * test cards that succeed, decline, need a retry or time out) and {@code stripe}, a
 * Stripe-compatible PaymentIntents API over HTTP with a timeout and a circuit breaker. Also what a
 * card is: number (Luhn), expiry, CVC, brand and last four digits; the full number and CVC live only
 * for the length of a request and are never logged.
 */
@NullMarked
package com.emporium.payment.processor;

import org.jspecify.annotations.NullMarked;
