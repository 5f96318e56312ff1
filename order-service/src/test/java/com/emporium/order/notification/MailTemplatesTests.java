package com.emporium.order.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The email texts exactly as a customer reads them. */
class MailTemplatesTests {

	private final MailTemplates templates = new MailTemplates();

	@Test
	void aShippingMailNamesTheOrderItsLinesTotalsAndTrackingNote() {
		MailTemplates.Mail mail = this.templates.render(NotificationKind.ORDER_SHIPPED,
				model("SHIPPED", Map.of("firstName", "Ada", "note", "DHL 00340434161094042557")));
		assertThat(mail.subject()).isEqualTo("Your order ORD-20261124-ABCDEF is on its way");
		assertThat(mail.body()).isEqualTo("""
				Hello Ada,

				your order ORD-20261124-ABCDEF has shipped.

				Status: SHIPPED
				Tracking: DHL 00340434161094042557

				Order ORD-20261124-ABCDEF, placed 2026-11-24 10:15 UTC
				  2 x Oak stool (OAK-1) at 10.00 EUR: 20.00 EUR
				  1 x Lantern (LANTERN-RED) at 4.95 EUR: 4.95 EUR

				Subtotal: 24.95 EUR
				Tax:      4.74 EUR
				Shipping: 4.90 EUR
				Total:    34.59 EUR

				Emporium
				""");
	}

	@Test
	void aCancellationMailGivesTheReasonAndSaysWhenTheMoneyGoesBack() {
		MailTemplates.Mail refunded = this.templates.render(NotificationKind.ORDER_CANCELLED,
				model("CANCELLED", Map.of("reason", "Out of stock", "refund", true)));
		assertThat(refunded.subject()).isEqualTo("Your order ORD-20261124-ABCDEF is cancelled");
		assertThat(refunded.body()).startsWith("""
				Hello,

				your order ORD-20261124-ABCDEF has been cancelled.

				Status: CANCELLED
				Reason: Out of stock
				You paid for it already: the money goes back to you by the way you paid.

				Order ORD-20261124-ABCDEF""");
		MailTemplates.Mail unpaid = this.templates.render(NotificationKind.ORDER_CANCELLED,
				model("CANCELLED", Map.of("refund", false)));
		assertThat(unpaid.body()).contains("Reason: none given\n\nOrder").doesNotContain("money goes back");
	}

	@Test
	void aConfirmationMailWithoutANameGreetsPlainly() {
		MailTemplates.Mail mail = this.templates.render(NotificationKind.ORDER_CONFIRMED, model("CONFIRMED", Map.of()));
		assertThat(mail.subject()).isEqualTo("Your order ORD-20261124-ABCDEF is confirmed");
		assertThat(mail.body()).startsWith("Hello,\n\nthank you for your order ORD-20261124-ABCDEF.")
			.contains("Status: CONFIRMED", "Total:    34.59 EUR")
			.endsWith("We will write again when it ships.\n\nEmporium\n");
	}

	private static Map<String, Object> model(String status, Map<String, Object> extra) {
		Map<String, Object> model = new HashMap<>(extra);
		model.put("orderNumber", "ORD-20261124-ABCDEF");
		model.put("status", status);
		model.put("placedAt", "2026-11-24 10:15 UTC");
		model.put("currency", "EUR");
		model.put("lines",
				List.of(Map.of("quantity", 2, "name", "Oak stool", "sku", "OAK-1", "unitPrice", "10.00", "lineTotal",
						"20.00"),
						Map.of("quantity", 1, "name", "Lantern", "sku", "LANTERN-RED", "unitPrice", "4.95", "lineTotal",
								"4.95")));
		model.put("subtotal", "24.95");
		model.put("tax", "4.74");
		model.put("shipping", "4.90");
		model.put("total", "34.59");
		return model;
	}

}
