package com.emporium.order.orders;

/** How the customer pays; payment-service decides what each means. */
public enum PaymentMethod {

	CARD, CASH_ON_DELIVERY, WALLET, BANK_TRANSFER

}
