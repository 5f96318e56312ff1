package com.emporium.payment.processor;

/** What a charge is paid with: a card's details, or a processor's payment-method token. */
public sealed interface PaymentSource permits Card, PaymentSource.Token {

	/** A payment method the processor already knows ({@code pm_card_visa}). */
	record Token(String id) implements PaymentSource {
	}

}
