package com.emporium.order.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.tasks.Periodic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends due notifications over SMTP every {@code emporium.notifications.poll-interval}, on a thread
 * of its own, while the application runs. A failed send is tried again after a delay that doubles
 * each time ({@link NotificationProperties#retryAfter}); after {@code max-attempts} it is given up
 * ({@code FAILED}, logged at ERROR: someone must look at the SMTP server). Several instances share
 * the work: each claims its rows. A sender that dies between the SMTP answer and recording it leaves
 * the row to be sent again after {@code send-timeout}: SMTP offers no way to send exactly once.
 * Without {@code spring.mail.host} there is no {@link JavaMailSender}: notifications are recorded
 * and wait.
 */
@Component
class NotificationSender extends Periodic {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	private final Notifications notifications;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final NotificationProperties properties;

	private final Clock clock;

	NotificationSender(Notifications notifications, ObjectProvider<JavaMailSender> mailSender,
			NotificationProperties properties, Clock clock) {
		super("notification-sender", properties.pollInterval());
		this.notifications = notifications;
		this.mailSender = mailSender;
		this.properties = properties;
		this.clock = clock;
	}

	/** One round: claims what is due and sends it. */
	void sendDue() {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return;
		}
		try {
			Instant now = this.clock.instant();
			List<Notifications.Due> due = this.notifications.claim(now, this.properties.batchSize(),
					now.plus(this.properties.sendTimeout()));
			due.forEach(notification -> send(sender, notification));
		}
		catch (RuntimeException ex) {
			// The database may be briefly unreachable; the next round tries again.
			log.warn("Could not send notifications: {}", ex.getClass().getSimpleName());
		}
	}

	private void send(JavaMailSender sender, Notifications.Due notification) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.from());
		message.setTo(notification.recipient());
		message.setSubject(notification.subject());
		message.setText(notification.body());
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			failed(notification, ex);
			return;
		}
		this.notifications.sent(notification.id(), this.clock.instant());
		log.info("Notification sent notificationId={} orderId={} kind={} attempt={}", notification.id(),
				notification.orderId(), notification.kind(), notification.attempts());
	}

	private void failed(Notifications.Due notification, MailException ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
		if (notification.attempts() >= this.properties.maxAttempts()) {
			this.notifications.failed(notification.id(), error);
			// No message: an SMTP error may quote the recipient's address.
			log.error("Notification given up after {} attempts notificationId={} orderId={} kind={} cause={}",
					notification.attempts(), notification.id(), notification.orderId(), notification.kind(),
					cause.getClass().getSimpleName());
			return;
		}
		Duration wait = this.properties.retryAfter(notification.attempts());
		this.notifications.retryAt(notification.id(), this.clock.instant().plus(wait), error);
		log.warn("Notification not sent, retrying in {} notificationId={} orderId={} kind={} attempt={} cause={}",
				wait, notification.id(), notification.orderId(), notification.kind(), notification.attempts(),
				cause.getClass().getSimpleName());
	}

	@Override
	protected void runOnce() {
		sendDue();
	}

	@Override
	public void start() {
		if (this.mailSender.getIfAvailable() == null) {
			log.warn("No SMTP server configured (spring.mail.host): notifications are recorded but not sent");
		}
		super.start();
	}

}
