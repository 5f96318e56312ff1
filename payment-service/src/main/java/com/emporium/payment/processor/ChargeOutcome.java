package com.emporium.payment.processor;

import org.jspecify.annotations.Nullable;

/** What the processor said to a charge. A failure to get an answer is a {@link ProcessorUnavailableException}. */
public sealed interface ChargeOutcome {

	/**
	 * The money is taken.
	 * @param processorId the processor's id of the payment ({@code pi_…})
	 * @param brand the card's brand, if the processor says
	 * @param last4 the card's last four digits, if the processor says
	 */
	record Captured(String processorId, @Nullable String brand, @Nullable String last4) implements ChargeOutcome {
	}

	/**
	 * The processor refused: nothing is taken, and trying again will not help.
	 * @param processorId the processor's id of the attempt, if any
	 * @param code machine-readable ({@code insufficient_funds}, {@code card_declined})
	 * @param message for people, with no card data
	 */
	record Declined(@Nullable String processorId, String code, String message) implements ChargeOutcome {
	}

}
