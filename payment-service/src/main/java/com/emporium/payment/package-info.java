/**
 * The payment service: payments, refunds and card-processor adapters. It owns its own PostgreSQL database.
 */
@NullMarked
package com.emporium.payment;

import org.jspecify.annotations.NullMarked;
