package com.emporium.order.orders;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.Caller;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.PageView;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.order.ApiDocs.BEARER;
import static com.emporium.order.ApiDocs.PROBLEM;
import static com.emporium.order.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/admin/orders")
@Tag(name = "Orders (staff)", description = "Every order, for managers and admins")
class AdminOrderController {

	private final OrderLifecycle lifecycle;

	AdminOrderController(OrderLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@GetMapping
	@Operation(summary = "List orders",
			description = "Newest first; filters combine: status, customerId, placed from (inclusive) and to "
					+ "(exclusive).",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "403", description = "Not a manager or admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	PageView<OrderSummary> list(@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw InvalidFieldException.parameter("to", "must be after from");
		}
		return PageView.of(this.lifecycle.list(customerId, status, from, to, PageRequest.of(page, size)));
	}

	/** @param note why, kept in the history (a tracking number, a reason) */
	record StatusRequest(@NotNull OrderStatus status, @Nullable @Size(max = 500) String note) {
	}

	@PutMapping("/{id}/status")
	@Operation(summary = "Move an order along",
			description = "Only along the lifecycle: PENDING → AWAITING_PAYMENT → CONFIRMED → PROCESSING → SHIPPED → "
					+ "DELIVERED; CANCELLED before shipping; REFUNDED after payment. Publishes OrderShipped, "
					+ "OrderDelivered or OrderCancelled (refund when paid) as the move announces.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "200", description = "The order")
	@ApiResponse(responseCode = "400", description = "status missing or unknown (validation-failed).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not a manager or admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No such order (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "The move is not allowed from the order's status (illegal-status-transition, with from "
					+ "and to).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	OrderView change(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@Valid @RequestBody StatusRequest request) {
		return this.lifecycle.change(Caller.of(jwt), id, request.status(), request.note());
	}

}
