package com.emporium.payment.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.payment.MinorUnits;
import com.emporium.payment.processor.Card;
import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.security.Hashes;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.PageView;
import com.emporium.platform.web.ProblemException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.payment.ApiDocs.BEARER;
import static com.emporium.payment.ApiDocs.PROBLEM;
import static com.emporium.payment.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments", description = "Paying orders, payments and refunds")
class PaymentController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Cashier cashier;

	private final Ledger ledger;

	private final Clock clock;

	PaymentController(Cashier cashier, Ledger ledger, Clock clock) {
		this.cashier = cashier;
		this.ledger = ledger;
		this.clock = clock;
	}

	@PostMapping
	@Operation(summary = "Pay an order",
			description = "For orders whose payment is pending (a card order without a default card, a bank "
					+ "transfer paid by card instead): charges the card or processor token now. amount and currency "
					+ "must be the order's. The card number and CVC go to the processor and are never stored; only "
					+ "brand and last four digits are. The same Idempotency-Key with the same body within 24 h "
					+ "returns the first answer (Idempotent-Replayed: true) without charging again.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "200", description = "Paid: the payment, SUCCEEDED")
	@ApiResponse(responseCode = "400",
			description = "A field is invalid (validation-failed naming it: a card number failing the Luhn check, "
					+ "an expired card, a CVC of the wrong length, an amount or currency other than the order's), "
					+ "or the Idempotency-Key header is missing or longer than 255 characters.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "402",
			description = "The card was declined (card-declined, with declineCode); the payment stays pending.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404",
			description = "No order of the caller's awaits payment with this id (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "The order's payment is not pending: paid, failed, cancelled, or cash on delivery "
					+ "(payment-not-payable).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "422",
			description = "The Idempotency-Key was used with a different body (idempotency-key-reused).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "503",
			description = "The card processor did not answer (processor-unavailable): nothing was recorded; retry "
					+ "with the same Idempotency-Key.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	ResponseEntity<PaymentView> pay(@AuthenticationPrincipal Jwt jwt,
			@Parameter(description = "Unique per payment attempt, 1 to 255 characters; retry with the same one")
			@RequestHeader(IDEMPOTENCY_KEY) String key,
			@Valid @RequestBody PayRequest request) {
		if (key.isBlank() || key.length() > 255) {
			throw InvalidFieldException.parameter(IDEMPOTENCY_KEY, "must be 1 to 255 characters");
		}
		check(request);
		Cashier.Paid paid = this.cashier.pay(Caller.of(jwt).requireUserId(), key, hash(request), request);
		if (paid.declineCode() != null) {
			throw PaymentProblems.declined(paid.declineCode(), String.valueOf(paid.declineMessage()));
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (paid.replayed()) {
			response.header("Idempotent-Replayed", "true");
		}
		return response.body(paid.payment());
	}

	@GetMapping
	@Operation(summary = "List payments",
			description = "Newest first. Customers see their own (customerId, if sent, must be theirs); managers and "
					+ "admins see every payment. Filters combine: customerId, orderId, status, method, created from "
					+ "(inclusive) and to (exclusive).",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "400", description = "A parameter is invalid (validation-failed, naming it).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403",
			description = "A customer asked for another customer's payments (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	PageView<PaymentView> list(@AuthenticationPrincipal Jwt jwt,
			@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable UUID orderId,
			@RequestParam(required = false) @Nullable PaymentStatus status,
			@RequestParam(required = false) @Nullable PaymentMethod method,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Caller caller = Caller.of(jwt);
		if (!caller.isStaff()) {
			UUID self = caller.requireUserId();
			if (customerId != null && !customerId.equals(self)) {
				throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
						"You can only list your own payments.");
			}
			customerId = self;
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw InvalidFieldException.parameter("to", "must be after from");
		}
		return PageView.of(this.ledger.list(new Ledger.Filter(customerId, orderId, status, method, from, to),
				PageRequest.of(page, size)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a payment", description = "Its customer's, or any for managers and admins; with its refunds.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "200", description = "The payment")
	@ApiResponse(responseCode = "404", description = "No such payment of the caller's (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	PaymentView get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		return this.ledger.get(Caller.of(jwt), id);
	}

	/**
	 * @param amount how much, in the payment's currency; none: all that is left
	 * @param reason why, up to 500 characters
	 */
	record RefundRequest(@Nullable @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15,
			fraction = 4) BigDecimal amount, @NotBlank @Size(max = 500) String reason) {
	}

	@PostMapping("/{id}/refunds")
	@Operation(summary = "Refund a payment",
			description = "All that is left (no amount) or part of it. The refunds of a payment never add up to more "
					+ "than was captured, also when several are asked for at once. Publishes PaymentRefunded.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "201", description = "Refunded: the payment with its refunds")
	@ApiResponse(responseCode = "400", description = "A field is invalid (validation-failed, naming it).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not a manager or admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No such payment (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "Nothing was captured: the payment is pending, failed or cancelled (payment-not-refundable).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "422",
			description = "More than is left to refund (refund-exceeds-captured, with refundable, captured, "
					+ "refunded).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "503", description = "The card processor did not answer (processor-unavailable).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	ResponseEntity<PaymentView> refund(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@Valid @RequestBody RefundRequest request) {
		PaymentView payment = this.cashier.refund(Caller.of(jwt), id, request.amount(), request.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(payment);
	}

	/** What bean validation cannot see: one payment source, a method paid here, a valid card. */
	private void check(PayRequest request) {
		if (request.method() != PaymentMethod.CARD && request.method() != PaymentMethod.WALLET) {
			throw InvalidFieldException.body("#/method",
					"must be CARD or WALLET: cash on delivery and bank transfers are collected, not paid here");
		}
		if ((request.card() == null) == (request.paymentMethod() == null)) {
			throw InvalidFieldException.body("#/card", "give either card or paymentMethod, not both or neither");
		}
		if (request.card() != null) {
			Map<String, String> problems = request.card()
				.card()
				.problems(YearMonth.now(this.clock));
			if (!problems.isEmpty()) {
				Map.Entry<String, String> first = problems.entrySet().iterator().next();
				throw InvalidFieldException.body("#/card/" + first.getKey(), first.getValue());
			}
		}
		if (!MinorUnits.fits(request.amount(), currencyOrEur(request.currency()))) {
			throw InvalidFieldException.body("#/amount", "has more decimals than " + request.currency() + " has");
		}
	}

	private static String currencyOrEur(String code) {
		try {
			return Currency.getInstance(code).getCurrencyCode();
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFieldException.body("#/currency", "is not an ISO 4217 currency");
		}
	}

	/**
	 * What makes two requests the same: their content, with the card reduced to what may be kept
	 * (brand, last four, expiry): neither the number nor the CVC is hashed into storage.
	 */
	private static String hash(PayRequest request) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("orderId", request.orderId());
		content.put("amount", request.amount().stripTrailingZeros().toPlainString());
		content.put("currency", request.currency());
		content.put("method", request.method());
		content.put("paymentMethod", request.paymentMethod());
		if (request.card() != null) {
			Card card = request.card().card();
			content.put("card", card.brand() + "/" + card.last4() + "/" + card.expMonth() + "/" + card.expYear());
		}
		return Hashes.sha256(JsonMapper.shared().writeValueAsString(content));
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization paymentAccess() {
			return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/payments/webhooks")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/payments/*/refunds")
				.hasAnyRole("MANAGER", "ADMIN")
				.requestMatchers("/api/v1/payments", "/api/v1/payments/**")
				.authenticated();
		}

	}

}
