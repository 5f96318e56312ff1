package com.emporium.payment.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.payment.MinorUnits;
import com.emporium.payment.processor.Card;
import com.emporium.payment.processor.CardProcessor;
import com.emporium.payment.processor.Charge;
import com.emporium.payment.processor.ChargeOutcome;
import com.emporium.payment.processor.PaymentSource;
import com.emporium.payment.processor.ProcessorUnavailableException;
import com.emporium.payment.processor.RefundRequest;
import com.emporium.platform.security.Caller;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes and gives back money: the saga's payment of an order, its refund when the order is
 * cancelled, and refunds by staff. Runs inside the caller's transaction (a Kafka listener's or a
 * request's), with the payment row locked, so that every change of a payment, its processor call
 * and the event it publishes are one unit: a crash before the commit undoes our side, and the
 * processor's idempotency key (derived from the order) makes the redelivered call a replay, not a
 * second charge.
 */
@Service
public class Cashier {

	private static final Logger log = LoggerFactory.getLogger(Cashier.class);

	private final Payments payments;

	private final Refunds refunds;

	private final CardProcessor processor;

	private final PaymentProperties properties;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final PaymentKeys keys;

	private final Clock clock;

	Cashier(Payments payments, Refunds refunds, CardProcessor processor, PaymentProperties properties,
			ApplicationEventPublisher events, JdbcTemplate jdbc, PaymentKeys keys, Clock clock) {
		this.keys = keys;
		this.payments = payments;
		this.refunds = refunds;
		this.processor = processor;
		this.properties = properties;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Order-service asks for the order's money: one payment per order, whatever the number of
	 * requests. Cards and wallets are charged with the configured default payment method, if any;
	 * cash on delivery is accepted at once; bank transfers (and cards without a default) wait.
	 */
	void requested(UUID orderId, String orderNumber, UUID customerId, BigDecimal amount, String currency,
			PaymentMethod method) {
		if (this.payments.findByOrderId(orderId).isPresent()) {
			log.info("Payment already requested orderId={}", orderId);
			return;
		}
		Instant now = this.clock.instant();
		Payment payment = new Payment(orderId, orderNumber, customerId, amount, currency, method, now);
		if (cancelledBefore(orderId)) {
			payment.cancel("The order was cancelled before payment", now);
			this.payments.saveAndFlush(payment);
			log.info("Payment not taken: order cancelled first orderId={} paymentId={}", orderId, payment.id());
			return;
		}
		this.payments.saveAndFlush(payment);
		String token = this.properties.saga().defaultPaymentMethod();
		switch (method) {
			case CASH_ON_DELIVERY -> {
				this.events.publishEvent(PaymentEvents.succeeded(payment, now));
				log.info("Cash on delivery accepted orderId={} paymentId={}", orderId, payment.id());
			}
			case CARD, WALLET -> {
				if (token != null && !token.isBlank()) {
					chargeForSaga(payment, new PaymentSource.Token(token));
				}
				else {
					log.info("Payment awaits the customer's card orderId={} paymentId={}", orderId, payment.id());
				}
			}
			case BANK_TRANSFER -> log.info("Payment awaits a bank transfer orderId={} paymentId={}", orderId,
					payment.id());
		}
	}

	/**
	 * The order was cancelled: a payment still pending is cancelled; with {@code refund}, what was
	 * captured and not refunded yet goes back. A cancellation that comes before the payment request
	 * is remembered, so that the request takes nothing.
	 */
	void cancelled(UUID orderId, @Nullable String reason, boolean refund) {
		Instant now = this.clock.instant();
		this.jdbc.update("INSERT INTO cancelled_orders (order_id, cancelled_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
				orderId, Timestamp.from(now));
		Optional<Payment> found = this.payments.findLockedByOrderId(orderId);
		if (found.isEmpty()) {
			log.info("Order cancelled before its payment was requested orderId={}", orderId);
			return;
		}
		Payment payment = found.get();
		if (payment.status() == PaymentStatus.PENDING) {
			payment.cancel((reason != null) ? "Order cancelled: " + reason : "Order cancelled", now);
			log.info("Pending payment cancelled orderId={} paymentId={}", orderId, payment.id());
			return;
		}
		if (!refund || !payment.status().captured() || payment.refundable().signum() == 0) {
			log.info("Nothing to refund for a cancelled order orderId={} paymentId={} status={}", orderId,
					payment.id(), payment.status());
			return;
		}
		refund(payment, payment.refundable(), (reason != null) ? "Order cancelled: " + reason : "Order cancelled",
				"event:OrderCancelled", "order-cancelled-" + orderId);
	}

	/**
	 * Refunds part or all of a locked payment's captured money through the processor, records it
	 * and publishes {@code PaymentRefunded}.
	 * @param key the processor's idempotency key of this refund
	 */
	Refund refund(Payment payment, BigDecimal amount, String reason, String by, String key) {
		if (!payment.status().everCaptured()) {
			throw PaymentProblems.notRefundable(payment);
		}
		if (amount.signum() <= 0 || amount.compareTo(payment.refundable()) > 0) {
			throw PaymentProblems.refundExceedsCaptured(payment, amount);
		}
		String refundId = this.processor.refund(new RefundRequest(Objects.requireNonNull(payment.processorId()),
				amount, payment.currency(), key));
		Instant now = this.clock.instant();
		Refund refund = new Refund(payment.id(), amount, reason, refundId, by, now);
		this.refunds.save(refund);
		payment.refunded(amount, now);
		this.events.publishEvent(PaymentEvents.refunded(payment, refund, now));
		log.info("Payment refunded paymentId={} orderId={} refundId={} by={}", payment.id(), payment.orderId(),
				refund.id(), by);
		return refund;
	}

	/** What {@code POST /payments} did: the payment, and the decline if the card was declined. */
	record Paid(PaymentView payment, boolean replayed, @Nullable String declineCode, @Nullable String declineMessage) {
	}

	/**
	 * The customer pays an order now ({@code POST /payments}): once per {@code Idempotency-Key}
	 * (Stripe's semantics), only the order's own payment while it is pending, only its amount.
	 * A decline is an answer (kept with the key; the customer may try another card with a new key);
	 * no answer from the processor keeps nothing, so the same key may be sent again.
	 */
	@Transactional
	Paid pay(UUID customerId, String key, String requestHash, PayRequest request) {
		Instant now = this.clock.instant();
		Optional<PaymentKeys.Used> used = this.keys.claim(customerId, key, requestHash, now,
				now.minus(this.properties.idempotencyKeyTtl()));
		if (used.isPresent()) {
			if (!used.get().requestHash().equals(requestHash) || used.get().paymentId() == null) {
				throw PaymentProblems.keyReused();
			}
			Payment payment = this.payments.findById(used.get().paymentId())
				.orElseThrow(() -> new NotFoundException("Payment", used.get().paymentId()));
			return new Paid(view(payment), true, used.get().declineCode(), used.get().declineMessage());
		}
		Payment payment = this.payments.findLockedByOrderId(request.orderId())
			.filter(found -> found.customerId().equals(customerId))
			.orElseThrow(() -> new NotFoundException("Order", request.orderId()));
		if (!payment.currency().equals(request.currency())) {
			throw InvalidFieldException.body("#/currency", "must be the order's currency, " + payment.currency());
		}
		if (request.amount().compareTo(payment.amount()) != 0) {
			throw InvalidFieldException.body("#/amount",
					"must be the order's amount, %s %s".formatted(payment.amount().toPlainString(), payment.currency()));
		}
		if (payment.status() != PaymentStatus.PENDING || payment.method() == PaymentMethod.CASH_ON_DELIVERY) {
			throw PaymentProblems.notPayable(payment);
		}
		Card card = (request.card() != null) ? request.card().card() : null;
		PaymentSource source = (card != null) ? card
				: new PaymentSource.Token(Objects.requireNonNull(request.paymentMethod()));
		ChargeOutcome outcome;
		try {
			outcome = this.processor.charge(new Charge(payment.amount(), payment.currency(), source,
					payment.chargeKey(), payment.orderId()));
		}
		catch (ProcessorUnavailableException ex) {
			log.warn("Card processor gave no answer orderId={} reason={}", payment.orderId(), ex.getMessage());
			throw PaymentProblems.processorUnavailable();
		}
		now = this.clock.instant();
		String brand = (card != null) ? card.brand() : null;
		String last4 = (card != null) ? card.last4() : null;
		switch (outcome) {
			case ChargeOutcome.Captured captured -> {
				payment.captured(captured.processorId(), (captured.brand() != null) ? captured.brand() : brand,
						(captured.last4() != null) ? captured.last4() : last4, now);
				payment.paidWith(request.method());
				this.events.publishEvent(PaymentEvents.succeeded(payment, now));
				this.keys.answered(customerId, key, payment.id(), null, null);
				log.info("Payment paid by the customer orderId={} paymentId={}", payment.orderId(), payment.id());
				return new Paid(view(payment), false, null, null);
			}
			case ChargeOutcome.Declined declined -> {
				payment.declined("card declined: " + declined.code(), brand, last4, now);
				this.keys.answered(customerId, key, payment.id(), declined.code(), declined.message());
				log.info("Card declined orderId={} paymentId={} code={}", payment.orderId(), payment.id(),
						declined.code());
				return new Paid(view(payment), false, declined.code(), declined.message());
			}
		}
	}

	/**
	 * Staff refund all ({@code amount} null) or part of a payment's captured money. The payment row
	 * is locked, so concurrent refunds are checked one after the other against what is left.
	 */
	@Transactional
	PaymentView refund(Caller staff, UUID paymentId, @Nullable BigDecimal amount, String reason) {
		Payment payment = this.payments.findLocked(paymentId)
			.orElseThrow(() -> new NotFoundException("Payment", paymentId));
		if (!payment.status().everCaptured()) {
			throw PaymentProblems.notRefundable(payment);
		}
		if (amount != null && !MinorUnits.fits(amount, payment.currency())) {
			throw InvalidFieldException.body("#/amount",
					"has more decimals than %s has".formatted(payment.currency()));
		}
		BigDecimal value = (amount != null) ? MinorUnits.scaled(amount, payment.currency()) : payment.refundable();
		// The n-th refund of the payment: a retry after a crash before our commit sends the same key.
		String key = "refund-" + paymentId + "-" + (this.refunds.countByPaymentId(paymentId) + 1);
		try {
			refund(payment, value, reason, "staff:" + staff.userId(), key);
		}
		catch (ProcessorUnavailableException ex) {
			log.warn("Refund not made paymentId={} reason={}", paymentId, ex.getMessage());
			throw PaymentProblems.processorUnavailable();
		}
		return view(payment);
	}

	PaymentView view(Payment payment) {
		return PaymentView.of(payment, this.refunds.findByPaymentIdOrderByCreatedAtAscIdAsc(payment.id()));
	}

	/**
	 * Charges a saga payment, trying again (same key) when the processor does not answer; the
	 * outcome is final: {@code PaymentSucceeded} or {@code PaymentFailed}.
	 */
	private void chargeForSaga(Payment payment, PaymentSource source) {
		Instant now;
		ChargeOutcome outcome = null;
		Charge charge = new Charge(payment.amount(), payment.currency(), source, payment.chargeKey(),
				payment.orderId());
		for (int attempt = 1; outcome == null && attempt <= this.properties.saga().attempts(); attempt++) {
			try {
				outcome = this.processor.charge(charge);
			}
			catch (ProcessorUnavailableException ex) {
				log.warn("Card processor gave no answer orderId={} attempt={} reason={}", payment.orderId(), attempt,
						ex.getMessage());
				pause();
			}
		}
		now = this.clock.instant();
		switch (outcome) {
			case null -> {
				// Whether the money moved is unknown: if the processor tells us later (webhook) that it
				// did, the payment is recorded as captured and order-service asks for the refund.
				String reason = "the card processor did not answer";
				payment.failed(reason, null, now);
				this.events.publishEvent(PaymentEvents.failed(payment, reason, now));
			}
			case ChargeOutcome.Captured captured -> {
				payment.captured(captured.processorId(), captured.brand(), captured.last4(), now);
				this.events.publishEvent(PaymentEvents.succeeded(payment, now));
			}
			case ChargeOutcome.Declined declined -> {
				String reason = "card declined: " + declined.code();
				payment.failed(reason, declined.processorId(), now);
				this.events.publishEvent(PaymentEvents.failed(payment, reason, now));
			}
		}
		log.info("Payment charged orderId={} paymentId={} status={}", payment.orderId(), payment.id(),
				payment.status());
	}

	private boolean cancelledBefore(UUID orderId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM cancelled_orders WHERE order_id = ?)", Boolean.class, orderId));
	}

	private void pause() {
		try {
			Thread.sleep(this.properties.saga().retryBackoff());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
