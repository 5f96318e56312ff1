package com.emporium.product.views;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.ProblemException;
import com.emporium.platform.web.ProblemResponses;
import com.emporium.product.catalog.ProductFinder;
import com.emporium.product.catalog.ProductSummary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.product.ApiDocs.BEARER;
import static com.emporium.product.ApiDocs.PROBLEM;
import static com.emporium.product.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Views", description = "Most viewed products and a shopper's recently viewed ones")
class ViewController {

	private final ProductFinder finder;

	private final RecentlyViewed recentlyViewed;

	private final ViewCounter counter;

	private final ViewProperties properties;

	ViewController(ProductFinder finder, RecentlyViewed recentlyViewed, ViewCounter counter,
			ViewProperties properties) {
		this.finder = finder;
		this.recentlyViewed = recentlyViewed;
		this.counter = counter;
		this.properties = properties;
	}

	@GetMapping("/most-popular")
	@ApiResponse(responseCode = "400",
			description = "limit is not 1 to 100, or category is unknown or no UUID (validation-failed).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "The most viewed products",
			description = "Listed products by counted views, most first (ties: newest first), optionally within a "
					+ "category and the categories beneath it. Views are written about once a second, so a view "
					+ "shows up here shortly after.")
	Items<ProductSummary> mostPopular(@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
			@RequestParam(name = "category", required = false) @Nullable UUID category) {
		return new Items<>(this.finder.mostPopular(category, limit));
	}

	@GetMapping("/recently-viewed")
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "The caller's recently viewed products",
			description = "Newest first, at most 50 (emporium.catalog.views.recently-viewed); a product read again "
					+ "moves to the top. Deleted products are left out.",
			security = @SecurityRequirement(name = BEARER))
	Items<RecentView> recentlyViewed(@AuthenticationPrincipal @Nullable Jwt jwt) {
		UUID user = signedIn(jwt);
		// This instance's reads not yet written: written now, so a shopper sees what they just read.
		this.counter.flush();
		return new Items<>(this.finder.withSummaries(this.recentlyViewed.of(user, this.properties.recentlyViewed()),
				RecentlyViewed.Entry::productId, (entry, product) -> new RecentView(entry.viewedAt(), product)));
	}

	@DeleteMapping("/recently-viewed")
	@ApiResponse(responseCode = "204", description = "The list is empty")
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Clear the caller's recently viewed products",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<Void> clearRecentlyViewed(@AuthenticationPrincipal @Nullable Jwt jwt) {
		UUID user = signedIn(jwt);
		this.counter.flush();
		this.recentlyViewed.clear(user);
		return ResponseEntity.noContent().build();
	}

	private static UUID signedIn(@Nullable Jwt jwt) {
		if (jwt == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", ProblemResponses.UNAUTHENTICATED);
		}
		return Caller.of(jwt).requireUserId();
	}

	/** A list without pages. */
	record Items<T>(List<T> items) {
	}

	/** A product the caller read, and when they last did. */
	record RecentView(Instant viewedAt, ProductSummary product) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization viewAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/products/most-popular")
				.permitAll()
				.requestMatchers("/api/v1/products/recently-viewed")
				.authenticated();
		}

	}

}
