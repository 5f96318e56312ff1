package com.emporium.payment.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks Stripe-style webhook signatures: the header {@code Stripe-Signature: t=<unix seconds>,
 * v1=<hex>[,v1=<hex>]} where each {@code v1} may be the HMAC-SHA256, keyed with the configured
 * secret, of {@code <t>.<raw body>}; {@code t} must be within the tolerance of now (5 min), so
 * that a captured request cannot be replayed later. Compared in constant time.
 */
@Component
class WebhookSignatures {

	static final String HEADER = "Stripe-Signature";

	private final PaymentProperties properties;

	private final Clock clock;

	WebhookSignatures(PaymentProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** @throws ProblemException 400 {@code invalid-webhook-signature} unless the signature holds */
	void verify(@Nullable String header, byte[] payload) {
		String secret = this.properties.webhooks().secret();
		if (secret == null || secret.isBlank()) {
			throw invalid("webhooks are not configured");
		}
		if (header == null || header.isBlank()) {
			throw invalid("the " + HEADER + " header is missing");
		}
		Long timestamp = null;
		List<String> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length != 2) {
				continue;
			}
			if (pair[0].equals("t")) {
				try {
					timestamp = Long.parseLong(pair[1]);
				}
				catch (NumberFormatException ex) {
					throw invalid("its timestamp is no number");
				}
			}
			else if (pair[0].equals("v1")) {
				signatures.add(pair[1]);
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			throw invalid("the " + HEADER + " header needs t= and v1=");
		}
		Duration age = Duration.between(Instant.ofEpochSecond(timestamp), this.clock.instant()).abs();
		if (age.compareTo(this.properties.webhooks().tolerance()) > 0) {
			throw invalid("its timestamp is outside the tolerance");
		}
		byte[] expected = sign(secret, timestamp, payload).getBytes(StandardCharsets.US_ASCII);
		boolean matches = signatures.stream()
			.anyMatch(signature -> MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII)));
		if (!matches) {
			throw invalid("no signature matches");
		}
	}

	/** The {@code v1} signature of a payload sent at {@code timestamp} (unix seconds). */
	static String sign(String secret, long timestamp, byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(payload));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private static ProblemException invalid(String why) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-webhook-signature",
				"The webhook was refused: " + why + ".")
			.with("parameter", HEADER);
	}

}
