/**
 * Order emails: when an order is confirmed, shipped or cancelled ({@code OrderConfirmed},
 * {@code OrderShipped}, {@code OrderCancelled}, heard in-process as the orders feature publishes
 * them), a notification is recorded once per order and kind, addressed to the email the customer
 * profile read model has then, and rendered from the text templates in {@code templates/mail/}. A
 * sender sends the due ones over SMTP ({@code JavaMailSender}, {@code spring.mail.*}), retrying
 * failures with a growing delay until {@code emporium.notifications.max-attempts}. A customer
 * without a known email gets a notification marked skipped, with the reason; an erased customer's
 * pending ones are skipped and their recipient forgotten.
 */
@NullMarked
package com.emporium.order.notification;

import org.jspecify.annotations.NullMarked;
