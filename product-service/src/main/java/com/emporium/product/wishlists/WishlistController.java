package com.emporium.product.wishlists;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.product.ApiDocs.BEARER;
import static com.emporium.product.ApiDocs.PROBLEM;
import static com.emporium.product.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/wishlist")
@Tag(name = "Wishlist", description = "The signed-in shopper's wishlist")
@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
class WishlistController {

	private final Wishlists wishlists;

	WishlistController(Wishlists wishlists) {
		this.wishlists = wishlists;
	}

	@GetMapping
	@Operation(summary = "The caller's wishlist",
			description = "Newest first, each with the product's summary; deleted products are left out.",
			security = @SecurityRequirement(name = BEARER))
	Items list(@AuthenticationPrincipal Jwt jwt) {
		return new Items(this.wishlists.of(Caller.of(jwt).requireUserId()));
	}

	@PutMapping("/{productId}")
	@ApiResponse(responseCode = "201", description = "Added")
	@ApiResponse(responseCode = "200", description = "It was there already: nothing changed")
	@ApiResponse(responseCode = "400", description = "productId is no UUID (validation-failed).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No listed product has this id (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409", description = "The wishlist has 200 products already (wishlist-full).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Put a product on the wishlist",
			description = "Idempotent: a product already there stays as it is. Publishes WishlistItemAdded when it "
					+ "is added.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<Void> add(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId) {
		boolean added = this.wishlists.add(Caller.of(jwt).requireUserId(), productId);
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).build();
	}

	@DeleteMapping("/{productId}")
	@ApiResponse(responseCode = "204", description = "The product is not on the wishlist (any more)")
	@ApiResponse(responseCode = "400", description = "productId is no UUID (validation-failed).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Take a product off the wishlist",
			description = "Idempotent. Publishes WishlistItemRemoved when it was there.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId) {
		this.wishlists.remove(Caller.of(jwt).requireUserId(), productId);
		return ResponseEntity.noContent().build();
	}

	/** The wishlist. */
	record Items(List<Wishlists.WishlistItem> items) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization wishlistAccess() {
			return requests -> requests.requestMatchers("/api/v1/wishlist", "/api/v1/wishlist/**").authenticated();
		}

	}

}
