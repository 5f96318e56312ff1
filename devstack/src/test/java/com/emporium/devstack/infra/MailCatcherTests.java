package com.emporium.devstack.infra;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MailCatcherTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void showsEveryMailItReceivedOverSmtpNewestFirst() throws Exception {
		try (MailCatcher catcher = MailCatcher.start(0, 0)) {
			send(catcher.smtpPort(), "ada@example.com", "Your order ORD-1 is confirmed", "Total: 16.80 EUR");
			send(catcher.smtpPort(), "grace@example.com", "Your order <ORD-2> & more", "Tracking: 1Z999");

			assertThat(catcher.mails()).extracting(MailCatcher.Mail::subject)
				.containsExactly("Your order <ORD-2> & more", "Your order ORD-1 is confirmed");
			MailCatcher.Mail first = catcher.mails().get(1);
			assertThat(first.to()).containsExactly("ada@example.com");
			assertThat(first.from()).isEqualTo("orders@emporium.test");
			assertThat(first.body()).contains("Total: 16.80 EUR");

			HttpResponse<String> page = get(catcher.url());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
			assertThat(page.body()).contains("2 mail(s) received", "Your order ORD-1 is confirmed",
					"Your order &lt;ORD-2&gt; &amp; more", "ada@example.com", "Tracking: 1Z999")
				.doesNotContain("<ORD-2>");

			HttpResponse<String> json = get(catcher.url() + "messages.json");
			assertThat(json.statusCode()).isEqualTo(200);
			assertThat(json.body()).startsWith("[{\"receivedAt\":")
				.contains("\"to\":[\"grace@example.com\"]", "\"subject\":\"Your order ORD-1 is confirmed\"");
			assertThat(get(catcher.url() + "elsewhere").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void refusesATakenPortWithOneLineNamingTheVariable() throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			assertThatExceptionOfType(PortInUseException.class)
				.isThrownBy(() -> MailCatcher.start(taken.getLocalPort(), 0))
				.withMessage("Port %d (SMTP mail catcher) is already in use: stop what uses it or set EMPORIUM_SMTP_PORT to a free port."
					.formatted(taken.getLocalPort()));
			assertThatExceptionOfType(PortInUseException.class)
				.isThrownBy(() -> MailCatcher.start(0, taken.getLocalPort()))
				.withMessageContaining("set EMPORIUM_MAIL_PORT to a free port");
		}
	}

	@Test
	void stopsBothServersOnClose() throws Exception {
		MailCatcher catcher = MailCatcher.start(0, 0);
		catcher.close();
		catcher.close();
		assertThat(Ports.isListening(catcher.smtpPort())).isFalse();
		assertThat(Ports.isListening(catcher.webPort())).isFalse();
	}

	private static void send(int port, String to, String subject, String text) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "localhost");
		properties.put("mail.smtp.port", String.valueOf(port));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("orders@emporium.test"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject);
		message.setText(text);
		Transport.send(message);
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
