package com.emporium.payment.processor;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.emporium.payment.MinorUnits;

/**
 * The built-in processor of the demo and the tests: no network, Stripe-like test cards
 * ({@code docs/payments.md}), and Stripe's idempotency semantics (a key gives the outcome of its
 * first completed call). Any other valid card, or an unknown token, succeeds.
 * <ul>
 * <li>{@value #SUCCEEDS} (token {@code pm_card_visa}): captured;</li>
 * <li>{@value #DECLINES} (token {@code pm_card_visa_chargeDeclinedInsufficientFunds}): declined,
 * {@code insufficient_funds};</li>
 * <li>{@value #NEEDS_RETRY} (token {@code pm_card_retry}): the first try of each idempotency key fails as a
 * processor error would (no answer); the next try with the same key is captured;</li>
 * <li>{@value #TIMES_OUT} (token {@code pm_card_timeout}): every try times out (reported at once, as
 * the HTTP adapter reports its timeout), nothing is captured.</li>
 * </ul>
 * State lives in memory: it is a simulator.
 */
public class SimulatedCardProcessor implements CardProcessor {

	public static final String SUCCEEDS = "4242424242424242";

	public static final String DECLINES = "4000000000009995";

	public static final String NEEDS_RETRY = "4000000000000119";

	public static final String TIMES_OUT = "4000000000000259";

	private static final Map<String, String> TOKENS = Map.of("pm_card_visa", SUCCEEDS,
			"pm_card_visa_chargeDeclinedInsufficientFunds", DECLINES, "pm_card_retry", NEEDS_RETRY, "pm_card_timeout",
			TIMES_OUT);

	private final Map<String, ChargeOutcome> charges = new ConcurrentHashMap<>();

	private final Map<String, Boolean> retried = new ConcurrentHashMap<>();

	/** Captured minor units per payment id. */
	private final Map<String, Long> captured = new ConcurrentHashMap<>();

	private final Map<String, Long> refunded = new ConcurrentHashMap<>();

	private final Map<String, String> refunds = new ConcurrentHashMap<>();

	private final Map<UUID, Integer> capturesByOrder = new ConcurrentHashMap<>();

	private final Map<UUID, String> cardsByOrder = new ConcurrentHashMap<>();

	@Override
	public synchronized ChargeOutcome charge(Charge charge) {
		ChargeOutcome earlier = this.charges.get(charge.idempotencyKey());
		if (earlier != null) {
			return earlier;
		}
		String number = switch (charge.source()) {
			case Card card -> card.number();
			case PaymentSource.Token token -> this.cardsByOrder.getOrDefault(charge.orderId(),
					TOKENS.getOrDefault(token.id(), SUCCEEDS));
		};
		if (TIMES_OUT.equals(number)) {
			throw new ProcessorUnavailableException("the processor did not answer in time", true);
		}
		if (NEEDS_RETRY.equals(number) && this.retried.putIfAbsent(charge.idempotencyKey(), true) == null) {
			throw new ProcessorUnavailableException("processing error, try again");
		}
		String id = "pi_sim_" + UUID.randomUUID().toString().replace("-", "");
		ChargeOutcome outcome;
		if (DECLINES.equals(number)) {
			outcome = new ChargeOutcome.Declined(id, "insufficient_funds", "Your card has insufficient funds.");
		}
		else {
			this.captured.put(id, MinorUnits.of(charge.amount(), charge.currency()));
			this.capturesByOrder.merge(charge.orderId(), 1, Integer::sum);
			Card card = new Card(number, 12, 2099, "000");
			outcome = new ChargeOutcome.Captured(id, card.brand(), card.last4());
		}
		this.charges.put(charge.idempotencyKey(), outcome);
		return outcome;
	}

	@Override
	public synchronized String refund(RefundRequest refund) {
		String earlier = this.refunds.get(refund.idempotencyKey());
		if (earlier != null) {
			return earlier;
		}
		Long captured = this.captured.get(refund.processorId());
		if (captured == null) {
			throw new ProcessorUnavailableException("no such payment " + refund.processorId());
		}
		long amount = MinorUnits.of(refund.amount(), refund.currency());
		long total = this.refunded.getOrDefault(refund.processorId(), 0L) + amount;
		if (total > captured) {
			throw new ProcessorUnavailableException("refund above the captured amount");
		}
		this.refunded.put(refund.processorId(), total);
		String id = "re_sim_" + UUID.randomUUID().toString().replace("-", "");
		this.refunds.put(refund.idempotencyKey(), id);
		return id;
	}

	/**
	 * The card the simulated customer of an order pays with when the saga charges the default
	 * payment method: the order events carry no card, so this is how tests (and demos) drive the
	 * saga through each test card.
	 */
	public void useCardFor(UUID orderId, String number) {
		this.cardsByOrder.put(orderId, number);
	}

	/** How often money was captured for an order (more than once is a double charge). */
	public int capturesOf(UUID orderId) {
		return this.capturesByOrder.getOrDefault(orderId, 0);
	}

	/** Minor units refunded of a payment. */
	public long refundedOf(String processorId) {
		return this.refunded.getOrDefault(processorId, 0L);
	}

}
