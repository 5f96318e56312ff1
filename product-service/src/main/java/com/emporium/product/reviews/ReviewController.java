package com.emporium.product.reviews;

import java.net.URI;
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
import jakarta.validation.constraints.Pattern;

import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.PageView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.product.ApiDocs.BEARER;
import static com.emporium.product.ApiDocs.PROBLEM;
import static com.emporium.product.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/products/{productId}/reviews")
@Tag(name = "Reviews", description = "Shoppers' reviews of products, and helpful votes")
@ApiResponse(responseCode = "400",
		description = "A field or parameter is invalid, or an id is no UUID (validation-failed, naming it).",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
@ApiResponse(responseCode = "404", description = "No such listed product, or no such review of it (not-found).",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
class ReviewController {

	private final ProductReviews reviews;

	ReviewController(ProductReviews reviews) {
		this.reviews = reviews;
	}

	@GetMapping
	@Operation(summary = "A product's reviews",
			description = "Newest first, most helpful first (helpful) or best rated first (rating). Title and text "
					+ "are HTML-escaped. verifiedPurchase: the author bought the product.")
	PageView<ReviewView> list(@PathVariable UUID productId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@Parameter(description = "newest (default), helpful or rating") @RequestParam(
					defaultValue = "newest") @Pattern(regexp = ReviewSort.PATTERN,
							message = "must be newest, helpful or rating") String sort) {
		return PageView.of(this.reviews.list(productId, ReviewSort.of(sort), page, size));
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "The review")
	@ApiResponse(responseCode = "409", description = "The caller reviewed this product already (already-reviewed, "
			+ "with reviewId).", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Review a product",
			description = "{rating 1-5, title ≤ 120, text ≤ 5000}, all required; plain text (markup is kept as "
					+ "typed and returned escaped). One review per shopper and product. Updates the product's "
					+ "averageRating and reviewCount; publishes ReviewPosted.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<ReviewView> post(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId,
			@Valid @RequestBody ReviewRequest request) {
		ReviewView review = this.reviews.post(productId, request, Caller.of(jwt));
		return ResponseEntity
			.created(URI.create("/api/v1/products/%s/reviews/%s".formatted(productId, review.id())))
			.body(review);
	}

	@PatchMapping("/{reviewId}")
	@ApiResponse(responseCode = "403", description = "Not the review's author (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Change a review",
			description = "The author only; fields left out or null stay as they are.",
			security = @SecurityRequirement(name = BEARER))
	ReviewView change(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId, @PathVariable UUID reviewId,
			@Valid @RequestBody ReviewRequest request) {
		return this.reviews.change(productId, reviewId, request, Caller.of(jwt));
	}

	@DeleteMapping("/{reviewId}")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "403", description = "Not the author, an admin or a manager (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Delete a review", description = "Its author, admins and managers.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId,
			@PathVariable UUID reviewId) {
		this.reviews.delete(productId, reviewId, Caller.of(jwt));
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{reviewId}/helpful-votes/me")
	@ApiResponse(responseCode = "201", description = "Voted")
	@ApiResponse(responseCode = "200", description = "The caller had voted already: nothing changed")
	@ApiResponse(responseCode = "403", description = "The caller's own review (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Find a review helpful", description = "One vote per shopper; never on one's own review.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<Void> vote(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId,
			@PathVariable UUID reviewId) {
		boolean added = this.reviews.vote(productId, reviewId, Caller.of(jwt));
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).build();
	}

	@DeleteMapping("/{reviewId}/helpful-votes/me")
	@ApiResponse(responseCode = "204", description = "The caller's vote is gone (or was never there)")
	@Operation(summary = "Take back a helpful vote", security = @SecurityRequirement(name = BEARER))
	ResponseEntity<Void> unvote(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId,
			@PathVariable UUID reviewId) {
		this.reviews.unvote(productId, reviewId, Caller.of(jwt));
		return ResponseEntity.noContent().build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization reviewAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/products/*/reviews")
				.permitAll()
				.requestMatchers("/api/v1/products/*/reviews", "/api/v1/products/*/reviews/**")
				.authenticated();
		}

	}

}
