package com.emporium.order.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.order.customers.CustomerErased;
import com.emporium.order.customers.CustomerProfile;
import com.emporium.order.customers.CustomerProfiles;
import com.emporium.order.orders.OrderEvents.OrderCancelled;
import com.emporium.order.orders.OrderEvents.OrderConfirmed;
import com.emporium.order.orders.OrderEvents.OrderShipped;
import com.emporium.order.orders.OrderLifecycle;
import com.emporium.order.orders.OrderStatus;
import com.emporium.order.orders.OrderView;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the email an order event calls for. In-process module listeners rather than Kafka
 * consumers of our own topics: the event publication registry already delivers each event after
 * its commit and again until the listener completes, without a broker hop. A delivery that comes
 * again changes nothing: the {@code (order_id, kind)} key keeps the first.
 */
@Component
class OrderNotifications {

	static final String NO_EMAIL = "no email address known for the customer";

	static final String ERASED = "the customer's account was deleted";

	private static final Logger log = LoggerFactory.getLogger(OrderNotifications.class);

	private static final DateTimeFormatter PLACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Notifications notifications;

	private final OrderLifecycle orders;

	private final CustomerProfiles profiles;

	private final MailTemplates templates;

	private final Clock clock;

	OrderNotifications(Notifications notifications, OrderLifecycle orders, CustomerProfiles profiles,
			MailTemplates templates, Clock clock) {
		this.notifications = notifications;
		this.orders = orders;
		this.profiles = profiles;
		this.templates = templates;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OrderConfirmed confirmed) {
		record(confirmed.orderId(), confirmed.customerId(), NotificationKind.ORDER_CONFIRMED, OrderStatus.CONFIRMED,
				Map.of());
	}

	@ApplicationModuleListener
	void on(OrderShipped shipped) {
		Map<String, Object> extra = new HashMap<>();
		if (shipped.note() != null) {
			extra.put("note", shipped.note());
		}
		record(shipped.orderId(), shipped.customerId(), NotificationKind.ORDER_SHIPPED, OrderStatus.SHIPPED, extra);
	}

	/**
	 * The first cancellation only: one published again with {@code refund: true} (paid after it was
	 * cancelled) finds the notification there.
	 */
	@ApplicationModuleListener
	void on(OrderCancelled cancelled) {
		Map<String, Object> extra = new HashMap<>();
		if (cancelled.reason() != null) {
			extra.put("reason", cancelled.reason());
		}
		extra.put("refund", cancelled.refund());
		record(cancelled.orderId(), cancelled.customerId(), NotificationKind.ORDER_CANCELLED, OrderStatus.CANCELLED,
				extra);
	}

	/** The customer was erased: what was not sent to them never will be, and their address goes. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(CustomerErased erased) {
		int forgotten = this.notifications.erase(erased.customerId(), ERASED);
		log.info("Notifications of an erased customer forgotten customerId={} notifications={}", erased.customerId(),
				forgotten);
	}

	private void record(UUID orderId, UUID customerId, NotificationKind kind, OrderStatus status,
			Map<String, Object> extra) {
		if (this.notifications.exists(orderId, kind)) {
			log.debug("Notification recorded before orderId={} kind={}", orderId, kind);
			return;
		}
		Instant now = this.clock.instant();
		Optional<CustomerProfile> profile = this.profiles.find(customerId);
		if (profile.isEmpty()) {
			String reason = this.profiles.erased(customerId) ? ERASED : NO_EMAIL;
			if (this.notifications.skipped(orderId, kind, customerId, reason, now)) {
				log.warn("Notification skipped orderId={} kind={} reason={}", orderId, kind, reason);
			}
			return;
		}
		OrderView order = this.orders.find(orderId).orElse(null);
		if (order == null) {
			// Cannot happen while orders are never deleted; nothing to write about.
			log.warn("Notification for an unknown order dropped orderId={} kind={}", orderId, kind);
			return;
		}
		MailTemplates.Mail mail = this.templates.render(kind, model(order, status, profile.get().firstName(), extra));
		if (this.notifications.pending(orderId, kind, customerId, profile.get().email(), mail.subject(), mail.body(),
				now)) {
			log.info("Notification recorded orderId={} kind={}", orderId, kind);
		}
	}

	private static Map<String, Object> model(OrderView order, OrderStatus status, @Nullable String firstName,
			Map<String, Object> extra) {
		Map<String, Object> model = new HashMap<>(extra);
		model.put("orderNumber", order.number());
		model.put("status", status.name());
		if (firstName != null && !firstName.isBlank()) {
			model.put("firstName", firstName);
		}
		model.put("placedAt", PLACED.format(order.placedAt()));
		model.put("currency", order.currency());
		List<Map<String, Object>> lines = order.lines()
			.stream()
			.map(line -> Map.<String, Object>of("quantity", line.quantity(), "name", line.name(), "sku", line.sku(),
					"unitPrice", line.unitPrice().toPlainString(), "lineTotal", line.lineTotal().toPlainString()))
			.toList();
		model.put("lines", lines);
		model.put("subtotal", order.subtotal().toPlainString());
		model.put("tax", order.tax().toPlainString());
		model.put("shipping", order.shipping().toPlainString());
		model.put("total", order.total().toPlainString());
		return model;
	}

}
