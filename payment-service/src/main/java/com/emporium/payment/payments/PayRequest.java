package com.emporium.payment.payments;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.payment.processor.Card;

/**
 * Pay an order now, with a card or a processor token. Amount and currency must be the order's:
 * they guard against paying what the customer did not see.
 *
 * @param method {@code CARD} or {@code WALLET} (cash and bank transfers are collected, not paid here)
 * @param card the card; its number and CVC are sent to the processor and never stored
 * @param paymentMethod instead of a card: a processor payment-method token ({@code pm_…})
 */
record PayRequest(@NotNull UUID orderId, @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}") String currency, @NotNull PaymentMethod method,
		@Nullable @Valid CardDetails card, @Nullable @Size(min = 1, max = 255) String paymentMethod) {

	/** A card as typed: digits only. */
	record CardDetails(@NotNull @Size(max = 19) String number, @NotNull Integer expMonth, @NotNull Integer expYear,
			@NotNull @Size(max = 4) String cvc) {

		Card card() {
			return new Card(this.number, this.expMonth, this.expYear, this.cvc);
		}

		@Override
		public String toString() {
			return card().toString();
		}

	}

}
