package com.emporium.payment.processor;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Take {@code amount} now (authorise and capture in one step).
 *
 * @param idempotencyKey the processor charges once per key, however often it is sent: derived from
 * the order, so that a retry after a crash or a timeout cannot charge twice
 * @param orderId sent as metadata, so that webhooks can be matched to the order
 */
public record Charge(BigDecimal amount, String currency, PaymentSource source, String idempotencyKey,
		UUID orderId) {
}
