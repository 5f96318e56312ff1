package com.emporium.payment.payments;

import java.math.BigDecimal;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** Why a payment request or refund is refused. */
final class PaymentProblems {

	private PaymentProblems() {
	}

	/** Only captured money can be refunded. */
	static ProblemException notRefundable(Payment payment) {
		return new ProblemException(HttpStatus.CONFLICT, "payment-not-refundable",
				"A %s payment has no captured money to refund.".formatted(payment.status()))
			.with("status", payment.status());
	}

	/** The refunds would add up to more than was captured. */
	static ProblemException refundExceedsCaptured(Payment payment, BigDecimal requested) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "refund-exceeds-captured",
				"At most %s %s can still be refunded (captured %s, refunded %s); %s was asked for.".formatted(
						payment.refundable().toPlainString(), payment.currency(), payment.amount().toPlainString(),
						payment.refundedAmount().toPlainString(), requested.toPlainString()))
			.with("refundable", payment.refundable())
			.with("captured", payment.amount())
			.with("refunded", payment.refundedAmount())
			.with("currency", payment.currency());
	}

	/** The order's payment is not waiting for money (paid, failed, cancelled, or collected in cash). */
	static ProblemException notPayable(Payment payment) {
		return new ProblemException(HttpStatus.CONFLICT, "payment-not-payable",
				"This order's payment is %s%s: there is nothing to pay.".formatted(payment.status(),
						(payment.method() == PaymentMethod.CASH_ON_DELIVERY) ? " (cash on delivery)" : ""))
			.with("status", payment.status());
	}

	/** The card processor refused the card. */
	static ProblemException declined(String code, String message) {
		return new ProblemException(HttpStatus.PAYMENT_REQUIRED, "card-declined",
				"The card was declined: %s".formatted(message))
			.with("declineCode", code);
	}

	/** No answer from the processor: nothing is recorded, retry with the same Idempotency-Key. */
	static ProblemException processorUnavailable() {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "processor-unavailable",
				"The card processor did not answer. Nothing was recorded; try again with the same Idempotency-Key.");
	}

	/** The key was used with another request. */
	static ProblemException keyReused() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
				"This Idempotency-Key was used for a different payment request in the last 24 hours; use a new key.")
			.with("parameter", "Idempotency-Key");
	}

}
