package com.emporium.payment.payments;

/**
 * How an order is paid, as order-service names it. {@code CARD} and {@code WALLET} are charged
 * through the card processor; {@code CASH_ON_DELIVERY} and {@code BANK_TRANSFER} are collected
 * later (docs/payments.md).
 */
public enum PaymentMethod {

	CARD, CASH_ON_DELIVERY, WALLET, BANK_TRANSFER

}
