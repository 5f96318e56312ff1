package com.emporium.order.notification;

/** What a notification tells; each order gets each kind at most once. */
enum NotificationKind {

	ORDER_CONFIRMED("order-confirmed"), ORDER_SHIPPED("order-shipped"), ORDER_CANCELLED("order-cancelled");

	private final String template;

	NotificationKind(String template) {
		this.template = template;
	}

	/** The name of its template in {@code templates/mail/}, without {@code .txt}. */
	String template() {
		return this.template;
	}

}
