package com.emporium.payment.processor;

/**
 * A card processor. Both calls are idempotent by their key: the same key gives the same result
 * without moving money again.
 */
public interface CardProcessor {

	/**
	 * @throws ProcessorUnavailableException when there is no answer (retry with the same key)
	 */
	ChargeOutcome charge(Charge charge);

	/**
	 * @return the processor's id of the refund ({@code re_…})
	 * @throws ProcessorUnavailableException when there is no answer or the refund is refused
	 */
	String refund(RefundRequest refund);

}
