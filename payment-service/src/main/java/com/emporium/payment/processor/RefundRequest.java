package com.emporium.payment.processor;

import java.math.BigDecimal;

/**
 * Give back {@code amount} of a captured payment.
 * @param processorId the processor's id of the payment ({@code pi_…})
 * @param idempotencyKey one refund per key
 */
public record RefundRequest(String processorId, BigDecimal amount, String currency, String idempotencyKey) {
}
