package com.emporium.payment.payments;

import java.util.Currency;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.payment.MalformedEventException;
import com.emporium.payment.payments.SagaEvents.OrderCancelled;
import com.emporium.payment.payments.SagaEvents.PaymentRequested;
import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.events.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment side of the order saga: takes the money when order-service asks
 * ({@code PaymentRequested}) and gives it back when the order is cancelled with {@code refund}.
 * Each event is handled once ({@code processed_event}, consumer {@value #CONSUMER}), in one
 * transaction with its effects; an event lacking what we need goes to {@code <topic>-dlt}.
 */
@Component
class PaymentSaga {

	static final String CONSUMER = "payment-saga";

	private static final Logger log = LoggerFactory.getLogger(PaymentSaga.class);

	private final Cashier cashier;

	private final ProcessedEvents processedEvents;

	PaymentSaga(Cashier cashier, ProcessedEvents processedEvents) {
		this.cashier = cashier;
		this.processedEvents = processedEvents;
	}

	// The group is the service's (spring.kafka.consumer.group-id), not the listener id.
	@KafkaListener(id = "saga-payment-requested", idIsGroup = false, topics = "emporium.order.payment-requested.v1")
	@Transactional
	public void paymentRequested(EventEnvelope<PaymentRequested> event) {
		PaymentRequested requested = MalformedEventException.data(event);
		if (requested.orderId() == null || requested.customerId() == null || requested.orderNumber() == null) {
			throw new MalformedEventException(event, "orderId, orderNumber or customerId");
		}
		if (requested.amount() == null || requested.amount().signum() < 0 || requested.currency() == null
				|| !currency(requested.currency())) {
			throw new MalformedEventException(event, "a valid amount and currency");
		}
		PaymentMethod method = method(event, requested.paymentMethod());
		if (!firstDelivery(event)) {
			return;
		}
		this.cashier.requested(requested.orderId(), requested.orderNumber(), requested.customerId(),
				requested.amount(), requested.currency(), method);
	}

	@KafkaListener(id = "saga-order-cancelled", idIsGroup = false, topics = "emporium.order.order-cancelled.v1")
	@Transactional
	public void orderCancelled(EventEnvelope<OrderCancelled> event) {
		OrderCancelled cancelled = MalformedEventException.data(event);
		if (cancelled.orderId() == null) {
			throw new MalformedEventException(event, "orderId");
		}
		if (!firstDelivery(event)) {
			return;
		}
		this.cashier.cancelled(cancelled.orderId(), cancelled.reason(), Boolean.TRUE.equals(cancelled.refund()));
	}

	private boolean firstDelivery(EventEnvelope<?> event) {
		if (!this.processedEvents.firstDelivery(CONSUMER, Objects.requireNonNull(event.id()))) {
			log.debug("Skipping duplicate event eventId={}", event.id());
			return false;
		}
		return true;
	}

	private static PaymentMethod method(EventEnvelope<?> event, @Nullable String name) {
		try {
			return PaymentMethod.valueOf(Objects.requireNonNull(name));
		}
		catch (RuntimeException ex) {
			throw new MalformedEventException(event, "a known paymentMethod");
		}
	}

	private static boolean currency(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
