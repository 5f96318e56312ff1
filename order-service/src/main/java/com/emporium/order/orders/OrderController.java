package com.emporium.order.orders;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.PageView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
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

import static com.emporium.order.ApiDocs.BEARER;
import static com.emporium.order.ApiDocs.PROBLEM;
import static com.emporium.order.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Checkout and the caller's orders")
class OrderController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Duration POLL = Duration.ofMillis(250);

	private final Checkout checkout;

	private final OrderLifecycle lifecycle;

	OrderController(Checkout checkout, OrderLifecycle lifecycle) {
		this.checkout = checkout;
		this.lifecycle = lifecycle;
	}

	@PostMapping
	@Operation(summary = "Check out",
			description = "Turns the caller's cart into a PENDING order priced from the catalog now: subtotal, tax at "
					+ "the shipping country's rate, shipping (a flat fee, free from a threshold), total. Empties the "
					+ "cart and publishes OrderPlaced; the order then moves on as stock is reserved and payment "
					+ "made (poll GET /orders/{id}). A missing shippingAddress is the default shipping address of the "
					+ "user's profile; a missing billingAddress its default billing address, else the order's "
					+ "shipping address. Each line is credited to the recommendation its cart line was added "
					+ "with, else to the body's recommendation (lines[].recommendation, and in OrderPlaced). "
					+ "The same Idempotency-Key with the same body within 24 h returns "
					+ "the same order (200, Idempotent-Replayed: true) instead of placing another.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "201", description = "The order was placed")
	@ApiResponse(responseCode = "200", description = "An earlier request with this key placed the order")
	@ApiResponse(responseCode = "400",
			description = "A field is invalid (validation-failed, naming it), an address is left out and the "
					+ "profile has no usable default (validation-failed, naming shippingAddress or billingAddress), "
					+ "or the Idempotency-Key header is missing or longer than 255 characters (validation-failed, "
					+ "parameter Idempotency-Key).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated): guests sign in to check out.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "The cart is empty (cart-empty), or holds products no longer on sale (cart-not-orderable, "
					+ "skus naming them).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "422",
			description = "The Idempotency-Key was used with a different body (idempotency-key-reused).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	ResponseEntity<OrderView> place(@AuthenticationPrincipal Jwt jwt,
			@Parameter(description = "Unique per checkout attempt, 1 to 255 characters; retry with the same one")
			@RequestHeader(IDEMPOTENCY_KEY) String key,
			@Valid @RequestBody PlaceOrderRequest request) {
		if (key.isBlank() || key.length() > 255) {
			throw InvalidFieldException.parameter(IDEMPOTENCY_KEY, "must be 1 to 255 characters");
		}
		Checkout.Placed placed = this.checkout.place(Caller.of(jwt).requireUserId(), key, request);
		if (placed.replayed()) {
			return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(placed.order());
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/orders/" + placed.order().id()))
			.body(placed.order());
	}

	@GetMapping
	@Operation(summary = "List my orders", description = "Newest first.", security = @SecurityRequirement(name = BEARER))
	PageView<OrderSummary> list(@AuthenticationPrincipal Jwt jwt,
			@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(this.lifecycle.list(Caller.of(jwt).requireUserId(), status, null, null,
				PageRequest.of(page, size)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an order",
			description = "Its customer's, or any for managers and admins; with its lines (each with the "
					+ "recommendation credited with it, or null), totals and status history. "
					+ "With waitForChangeFrom, a long poll: the answer waits until the status is no longer that one, "
					+ "or timeout seconds (1-25, default 20) have passed, and then gives the order as it is.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "200", description = "The order")
	@ApiResponse(responseCode = "400", description = "A parameter is invalid (validation-failed, naming it).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No such order of the caller's (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	OrderView get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@Parameter(description = "Wait while the order has this status") @RequestParam(
					required = false) @Nullable OrderStatus waitForChangeFrom,
			@Parameter(description = "The longest wait in seconds") @RequestParam(defaultValue = "20") @Min(1) @Max(
					25) int timeout) throws InterruptedException {
		Caller caller = Caller.of(jwt);
		OrderView order = this.lifecycle.get(caller, id);
		// A poll of the row, not a notification: simple and correct across instances; each waiting
		// client costs a primary-key read every POLL on a virtual thread.
		long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
		while (order.status() == waitForChangeFrom && System.nanoTime() < deadline) {
			Thread.sleep(POLL);
			order = this.lifecycle.get(caller, id);
		}
		return order;
	}

	/** @param reason why, for the shop, up to 500 characters */
	record CancellationRequest(@Nullable @Size(max = 500) String reason) {
	}

	@PostMapping("/{id}/cancellation")
	@Operation(summary = "Cancel my order",
			description = "Before it ships. Publishes OrderCancelled: reserved stock is released, and a paid order "
					+ "refunded (refund: true). The body may be left out.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "200", description = "The cancelled order")
	@ApiResponse(responseCode = "404", description = "No such order of the caller's (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "The order has shipped or is over (illegal-status-transition, with from and to).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	OrderView cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@Valid @RequestBody(required = false) @Nullable CancellationRequest request) {
		return this.lifecycle.cancel(Caller.of(jwt), id, (request != null) ? request.reason() : null);
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization orderAccess() {
			return requests -> requests.requestMatchers("/api/v1/orders", "/api/v1/orders/**")
				.authenticated()
				.requestMatchers("/api/v1/admin/orders", "/api/v1/admin/orders/**")
				.hasAnyRole("MANAGER", "ADMIN");
		}

	}

}
