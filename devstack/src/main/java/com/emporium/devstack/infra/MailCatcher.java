package com.emporium.devstack.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devstack's mail catcher: an SMTP server (GreenMail) that accepts every email for any address
 * and delivers nothing, and a small web page that lists what it received, newest first
 * ({@code GET /}; {@code GET /messages.json} gives the same as JSON). Both listen on
 * {@code localhost} only; mails are kept in memory and are gone after a restart.
 */
public final class MailCatcher implements AutoCloseable {

	/** The variable that moves the SMTP port. */
	public static final String SMTP_PORT_ENV = "EMPORIUM_SMTP_PORT";

	/** The variable that moves the web page's port. */
	public static final String WEB_PORT_ENV = "EMPORIUM_MAIL_PORT";

	private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

	private final GreenMail smtp;

	private final HttpServer web;

	private final int smtpPort;

	private final int webPort;

	private boolean closed;

	private MailCatcher(GreenMail smtp, HttpServer web, int smtpPort, int webPort) {
		this.smtp = smtp;
		this.web = web;
		this.smtpPort = smtpPort;
		this.webPort = webPort;
	}

	/**
	 * Starts the SMTP server and the web page on {@code localhost}.
	 * @param smtpPort the SMTP port, {@code 0} for a free one
	 * @param webPort the web page's port, {@code 0} for a free one
	 * @return the running catcher
	 * @throws PortInUseException if a port is taken
	 * @throws InfrastructureException if a server does not start
	 */
	public static MailCatcher start(int smtpPort, int webPort) {
		int resolvedSmtp = Ports.resolve(smtpPort, "SMTP mail catcher", SMTP_PORT_ENV);
		int resolvedWeb = Ports.resolve(webPort, "mail catcher web page", WEB_PORT_ENV);
		GreenMail smtp = new GreenMail(new ServerSetup(resolvedSmtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		try {
			smtp.start();
		}
		catch (RuntimeException ex) {
			smtp.stop();
			throw new InfrastructureException(
					"The SMTP mail catcher failed to start on port %d (%s).".formatted(resolvedSmtp, ex.getMessage()), ex);
		}
		HttpServer web;
		try {
			web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), resolvedWeb), 0);
		}
		catch (IOException ex) {
			smtp.stop();
			throw new InfrastructureException("The mail catcher's web page failed to start on port %d (%s)."
				.formatted(resolvedWeb, ex.getMessage()), ex);
		}
		MailCatcher catcher = new MailCatcher(smtp, web, resolvedSmtp, resolvedWeb);
		web.createContext("/", catcher::handle);
		web.setExecutor(
				Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("mail-catcher-web").factory()));
		web.start();
		log.info("Mail catcher started smtpPort={} web=http://localhost:{}/", resolvedSmtp, resolvedWeb);
		return catcher;
	}

	/** A received email, as the page shows it. */
	public record Mail(Instant receivedAt, String from, List<String> to, String subject, String body) {
	}

	/** @return every email received since the start, newest first */
	public List<Mail> mails() {
		List<Mail> mails = new ArrayList<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			try {
				Date received = message.getReceivedDate();
				mails.add(new Mail((received != null) ? received.toInstant() : Instant.EPOCH,
						addresses(message.getFrom()), Arrays.stream(nonNull(message.getAllRecipients()))
							.map(Address::toString)
							.toList(),
						String.valueOf(message.getSubject()), GreenMailUtil.getBody(message)));
			}
			catch (MessagingException ex) {
				log.debug("Skipping a mail that cannot be read", ex);
			}
		}
		// Stable: mails of the same second keep their arrival order, reversed.
		List<Mail> newestFirst = new ArrayList<>(mails.reversed());
		newestFirst.sort(Comparator.comparing(Mail::receivedAt).reversed());
		return newestFirst;
	}

	public int smtpPort() {
		return this.smtpPort;
	}

	public int webPort() {
		return this.webPort;
	}

	/** @return {@code http://localhost:<web port>/} */
	public String url() {
		return "http://localhost:%d/".formatted(this.webPort);
	}

	/** Stops both servers; the mails are gone. Idempotent. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.web.stop(0);
		this.smtp.stop();
		log.info("Mail catcher stopped smtpPort={}", this.smtpPort);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (!exchange.getRequestMethod().equals("GET")) {
				respond(exchange, 405, "text/plain", "Only GET: this page only shows the mails received.");
			}
			else if (path.equals("/")) {
				respond(exchange, 200, "text/html", html(mails()));
			}
			else if (path.equals("/messages.json")) {
				respond(exchange, 200, "application/json", json(mails()));
			}
			else {
				respond(exchange, 404, "text/plain", "Nothing here: the mails are at / and /messages.json.");
			}
		}
	}

	private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static String html(List<Mail> mails) {
		StringBuilder page = new StringBuilder("""
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
				<title>Emporium mail catcher</title>
				<style>body{font-family:sans-serif;margin:2em}article{border-top:1px solid #ccc;padding:1em 0}
				pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body>
				<h1>Emporium mail catcher</h1>
				""");
		page.append("<p>%d mail(s) received since the devstack started, newest first; nothing is delivered. "
				.formatted(mails.size()))
			.append("This page reloads every 5 s.</p>\n");
		for (Mail mail : mails) {
			page.append("<article><h2>")
				.append(escape(mail.subject()))
				.append("</h2><p>From ")
				.append(escape(mail.from()))
				.append(" to ")
				.append(escape(String.join(", ", mail.to())))
				.append(", ")
				.append(mail.receivedAt())
				.append("</p><pre>")
				.append(escape(mail.body()))
				.append("</pre></article>\n");
		}
		return page.append("</body></html>\n").toString();
	}

	static String json(List<Mail> mails) {
		return mails.stream()
			.map(mail -> "{\"receivedAt\":%s,\"from\":%s,\"to\":[%s],\"subject\":%s,\"body\":%s}".formatted(
					quote(mail.receivedAt().toString()), quote(mail.from()),
					mail.to().stream().map(MailCatcher::quote).collect(Collectors.joining(",")), quote(mail.subject()),
					quote(mail.body())))
			.collect(Collectors.joining(",", "[", "]"));
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append("\\u%04x".formatted((int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	private static String addresses(Address[] addresses) {
		return Arrays.stream(nonNull(addresses)).map(Address::toString).collect(Collectors.joining(", "));
	}

	private static Address[] nonNull(Address[] addresses) {
		return (addresses != null) ? addresses : new Address[0];
	}

}
