package com.emporium.payment.payments;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.payment.ApiDocs.PROBLEM;
import static com.emporium.payment.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/payments/webhooks")
@Tag(name = "Payment webhooks", description = "Events from the card processor")
class WebhookController {

	private final WebhookSignatures signatures;

	private final ProcessorWebhooks webhooks;

	WebhookController(WebhookSignatures signatures, ProcessorWebhooks webhooks) {
		this.signatures = signatures;
		this.webhooks = webhooks;
	}

	@PostMapping
	@Operation(summary = "Receive a processor webhook",
			description = "Stripe-style events ({id, type, data: {object}}) signed with the shared secret: "
					+ "Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">. Handles "
					+ "payment_intent.succeeded, payment_intent.payment_failed and charge.refunded; other types "
					+ "are acknowledged and ignored. No bearer token: the signature is the authentication.")
	@ApiResponse(responseCode = "200", description = "Received")
	@ApiResponse(responseCode = "400",
			description = "A missing, forged or stale signature (invalid-webhook-signature; 5 minutes of tolerance), "
					+ "an event id received before (webhook-replayed), or a body that is no event "
					+ "(malformed-request). Nothing is changed.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	Map<String, Object> receive(
			@Parameter(description = "t=<unix seconds>,v1=<signature>") @RequestHeader(
					name = WebhookSignatures.HEADER, required = false) @Nullable String signature,
			@RequestBody byte[] payload) {
		this.signatures.verify(signature, payload);
		JsonNode event;
		try {
			event = JsonMapper.shared().readTree(payload);
		}
		catch (JacksonException ex) {
			throw malformed();
		}
		if (event == null || !event.path("id").isString() || !event.path("type").isString()
				|| !event.path("data").path("object").isObject()) {
			throw malformed();
		}
		this.webhooks.handle(event.path("id").asString(), event.path("type").asString(),
				event.path("data").path("object"));
		return Map.of("received", true);
	}

	private static ProblemException malformed() {
		return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-request",
				"The webhook body is no event: it needs id, type and data.object.");
	}

}
