package com.emporium.order.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import com.emporium.order.OrderServiceIntegrationTest;
import com.emporium.order.orders.OrderEvents.OrderConfirmed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order emails against a real SMTP server (GreenMail) on the port the service is configured with;
 * the server starts afresh for each test. Each test's customer has an email of their own, so mails
 * of other tests never count.
 */
class OrderNotificationTests extends OrderServiceIntegrationTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aConfirmedOrderIsMailedOnceWithItsLinesTotalsAndStatusAndARedeliveryAddsNothing() throws Exception {
		Customer ada = Customer.create();
		String email = email();
		profile(ada, email, null, null, 1);
		Order order = confirmedOrder(ada, "10.00", 2);

		MimeMessage mail = awaitMails(email, 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Your order %s is confirmed".formatted(order.number()));
		assertThat(mail.getFrom()[0].toString()).isEqualTo("Emporium <orders@emporium.test>");
		assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(email);
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("Hello Ada,", "Status: CONFIRMED", "Order " + order.number(),
				"2 x %s (%s) at 10.00 EUR: 20.00 EUR".formatted(order.product().name(), order.product().sku()),
				"Subtotal: 20.00 EUR", "Tax:      3.80 EUR", "Shipping: 4.90 EUR", "Total:    28.70 EUR");

		// The registry delivers an event again until its listener completes: the same fact again.
		JsonNode confirmed = awaitEvent("emporium.order.order-confirmed.v1", order.id(), any -> true).get("data");
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(new OrderConfirmed(
				UUID.fromString(confirmed.get("eventId").asString()), Instant.now(), UUID.fromString(order.id()),
				order.number(), ada.id(), confirmed.get("total").decimalValue(), "EUR")));
		// Shipping it gives a later mail to wait for; by then a second confirmation would have come too.
		body(send(HttpMethod.PUT, "/api/v1/admin/orders/" + order.id() + "/status", MANAGER,
				Map.of("status", "SHIPPED", "note", "Tracking 1Z999AA10123456784"), Map.of()), 200);
		List<MimeMessage> mails = awaitMails(email, 2);
		MimeMessage shipped = mails.get(1);
		assertThat(shipped.getSubject()).isEqualTo("Your order %s is on its way".formatted(order.number()));
		assertThat(GreenMailUtil.getBody(shipped)).contains("Status: SHIPPED",
				"Tracking: Tracking 1Z999AA10123456784", "Total:    28.70 EUR");
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> mailsTo(email).size() == 2);
		assertThat(status(order.id(), "ORDER_CONFIRMED")).isEqualTo("SENT");
	}

	@Test
	void aCancellationIsMailedWithItsReasonAndOnlyOnceWhenAPaymentArrivesAfterIt() throws Exception {
		Customer ada = Customer.create();
		String email = email();
		profile(ada, email, null, null, 1);
		JsonNode placed = placeOrder(ada, "10.00", 1);
		String id = placed.get("id").asString();
		publish("emporium.product.stock-reserved.v1", id, "StockReserved",
				Map.of("orderId", id, "expiresAt", Instant.now().plusSeconds(900).toString()));
		awaitStatus(id, ada.token(), "AWAITING_PAYMENT");
		body(post("/api/v1/orders/" + id + "/cancellation", ada.token(), Map.of("reason", "Found it cheaper")), 200);

		MimeMessage mail = awaitMails(email, 1).get(0);
		assertThat(mail.getSubject())
			.isEqualTo("Your order %s is cancelled".formatted(placed.get("number").asString()));
		assertThat(GreenMailUtil.getBody(mail)).contains("Status: CANCELLED", "Reason: Found it cheaper",
				"Total:    16.80 EUR")
			.doesNotContain("money goes back");

		// The payment was on its way: the order announces the cancellation again, now with a refund.
		publish("emporium.payment.payment-succeeded.v1", id, "PaymentSucceeded", Map.of("orderId", id, "paymentId",
				UUID.randomUUID().toString(), "amount", placed.get("total").decimalValue().toPlainString(), "currency",
				"EUR"));
		awaitEvent("emporium.order.order-cancelled.v1", id, event -> event.get("data").get("refund").asBoolean());
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> mailsTo(email).size() == 1);
	}

	@Test
	void aMailThatCannotBeSentIsRetriedUntilTheServerIsBack() throws Exception {
		Customer ada = Customer.create();
		String email = email();
		profile(ada, email, null, null, 1);
		smtp.stop();
		Order order = confirmedOrder(ada, "10.00", 1);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> count("""
					SELECT count(*) FROM notifications
					WHERE order_id = ?::uuid AND status = 'PENDING' AND attempts >= 1 AND reason IS NOT NULL""",
					order.id()) == 1);

		smtp.start();
		MimeMessage mail = awaitMails(email, 1).get(0);
		assertThat(mail.getSubject()).contains(order.number());
		assertThat(status(order.id(), "ORDER_CONFIRMED")).isEqualTo("SENT");
		assertThat(count("SELECT attempts FROM notifications WHERE order_id = ?::uuid", order.id())).isGreaterThan(1);
	}

	@Test
	void aMailIsGivenUpAfterTheLastAttempt() throws Exception {
		Customer ada = Customer.create();
		String email = email();
		profile(ada, email, null, null, 1);
		smtp.stop();
		Order order = confirmedOrder(ada, "10.00", 1);
		// 4 attempts (the tests' emporium.notifications.max-attempts), waiting 0.5 s, 1 s and 2 s between them.
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> "FAILED".equals(status(order.id(), "ORDER_CONFIRMED")));
		assertThat(count("SELECT attempts FROM notifications WHERE order_id = ?::uuid", order.id())).isEqualTo(4);

		smtp.start();
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> mailsTo(email).isEmpty());
	}

	@Test
	void aCustomerWithoutAKnownEmailGetsNoMailButASkippedNotificationSayingWhy() {
		Customer ada = Customer.create();
		Order order = confirmedOrder(ada, "10.00", 1);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> "SKIPPED".equals(status(order.id(), "ORDER_CONFIRMED")));
		assertThat(this.jdbc.queryForObject("SELECT reason FROM notifications WHERE order_id = ?::uuid", String.class,
				order.id())).isEqualTo("no email address known for the customer");
	}

	@Test
	void aDeletedUserIsNotMailedNeitherWhatWasWaitingNorWhatComesLater() throws Exception {
		Customer ada = Customer.create();
		String email = email();
		profile(ada, email, null, null, 1);
		// A confirmation waiting for the SMTP server when the account is deleted.
		smtp.stop();
		Order waiting = confirmedOrder(ada, "10.00", 1);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> count("SELECT count(*) FROM notifications WHERE order_id = ?::uuid AND attempts >= 1",
					waiting.id()) == 1);
		JsonNode later = placeOrder(ada, "10.00", 1);

		publish("emporium.user.user-deleted.v1", ada.id().toString(), "UserDeleted",
				Map.of("userId", ada.id().toString()));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> "SKIPPED".equals(status(waiting.id(), "ORDER_CONFIRMED")));
		assertThat(count("SELECT count(*) FROM notifications WHERE customer_id = ? AND recipient IS NOT NULL",
				ada.id())).isZero();

		smtp.start();
		String laterId = later.get("id").asString();
		body(post("/api/v1/orders/" + laterId + "/cancellation", ada.token(), Map.of("reason", "Leaving")), 200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> "SKIPPED".equals(status(laterId, "ORDER_CANCELLED")));
		assertThat(this.jdbc.queryForObject("SELECT reason FROM notifications WHERE order_id = ?::uuid", String.class,
				laterId)).isEqualTo("the customer's account was deleted");
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> mailsTo(email).isEmpty());
	}

	/** An order placed, reserved and paid. */
	private record Order(String id, String number, Product product) {
	}

	private Order confirmedOrder(Customer customer, String price, int quantity) {
		Product product = product(price, "EUR", 20);
		body(addToCart(customer.token(), null, item(product, quantity)), 200);
		JsonNode placed = body(checkout(customer.token(), UUID.randomUUID().toString(), order("DE", "CARD")), 201);
		String id = placed.get("id").asString();
		publish("emporium.product.stock-reserved.v1", id, "StockReserved",
				Map.of("orderId", id, "expiresAt", Instant.now().plusSeconds(900).toString()));
		awaitStatus(id, customer.token(), "AWAITING_PAYMENT");
		publish("emporium.payment.payment-succeeded.v1", id, "PaymentSucceeded",
				Map.of("orderId", id, "paymentId", UUID.randomUUID().toString(), "amount",
						placed.get("total").decimalValue().toPlainString(), "currency", "EUR"));
		awaitStatus(id, customer.token(), "CONFIRMED");
		return new Order(id, placed.get("number").asString(), product);
	}

	private String status(String orderId, String kind) {
		return this.jdbc
			.queryForList("SELECT status FROM notifications WHERE order_id = ?::uuid AND kind = ?", String.class,
					orderId, kind)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static String email() {
		return "ada-" + unique() + "@example.com";
	}

	/** Waits until the SMTP server has at least {@code count} mails to the address; them, oldest first. */
	private static List<MimeMessage> awaitMails(String email, int count) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> mailsTo(email), mails -> mails.size() >= count);
	}

	private static List<MimeMessage> mailsTo(String email) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
			try {
				return Arrays.stream(mail.getAllRecipients()).anyMatch(address -> address.toString().equals(email));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
