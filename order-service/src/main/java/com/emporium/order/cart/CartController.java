package com.emporium.order.cart;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.order.ApiDocs.PROBLEM;
import static com.emporium.order.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/cart")
@Tag(name = "Cart",
		description = "The caller's cart. Guests: the first add answers with a cart token (X-Cart-Token header and "
				+ "cartToken); send it back as X-Cart-Token. Signed in: the cart of the token's user; a request with "
				+ "both a bearer token and an X-Cart-Token merges that guest cart into the user's.")
class CartController {

	private static final String TOKEN_DOC = "A guest's cart token, as the first add returned it";

	private final ShoppingCarts carts;

	CartController(ShoppingCarts carts) {
		this.carts = carts;
	}

	@GetMapping
	@Operation(summary = "See the cart",
			description = "Lines priced from the catalog now, each flagging a changed price, missing stock or a "
					+ "product no longer on sale. A guest without a token gets an empty cart.")
	@ApiResponse(responseCode = "200", description = "The cart")
	@ApiResponse(responseCode = "404", description = "The X-Cart-Token names no cart of the caller (cart-not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	CartView get(@AuthenticationPrincipal @Nullable Jwt jwt, @Parameter(description = TOKEN_DOC) @RequestHeader(name = ShoppingCarts.TOKEN_HEADER, required = false) @Nullable String token) {
		return this.carts.view(Caller.of(jwt), token);
	}

	@PostMapping("/items")
	@Operation(summary = "Add an item",
			description = "Adds quantity of a product variant (sku may be left out for a product with one); an item "
					+ "already in the cart gets the quantity added. An optional recommendation (source, id: the "
					+ "list that led to the add, as at checkout) is kept on the line, which keeps the first one it "
					+ "got, and goes into this add's CartItemAdded for attribution. Publishes CartItemAdded.")
	@ApiResponse(responseCode = "200",
			description = "The cart; for a guest's first add, with the new cart token in X-Cart-Token and cartToken")
	@ApiResponse(responseCode = "400",
			description = "A field is invalid (validation-failed, naming it): quantity below 1 or above the limit "
					+ "(emporium.cart.max-quantity-per-line, counting what the line has), a productId naming no "
					+ "product on sale (unknown, deleted or unlisted), an unknown sku or none for a product with "
					+ "variants, a recommendation without source or id or with a longer one "
					+ "(recommendation.source up to 50 characters, recommendation.id up to 100).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "The X-Cart-Token names no cart of the caller (cart-not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "The product is priced in another currency than the cart (currency-mismatch), or the "
					+ "cart has as many lines as it may (cart-full).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	ResponseEntity<CartView> add(@AuthenticationPrincipal @Nullable Jwt jwt, @Parameter(description = TOKEN_DOC) @RequestHeader(name = ShoppingCarts.TOKEN_HEADER, required = false) @Nullable String token,
			@Valid @RequestBody CartRequests.AddItem request) {
		CartView cart = this.carts.add(Caller.of(jwt), token, request);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (cart.cartToken() != null) {
			response.header(ShoppingCarts.TOKEN_HEADER, cart.cartToken());
		}
		return response.body(cart);
	}

	@PatchMapping("/items/{itemId}")
	@Operation(summary = "Change an item's quantity",
			description = "Publishes CartItemAdded or CartItemRemoved for the difference.")
	@ApiResponse(responseCode = "200", description = "The cart")
	@ApiResponse(responseCode = "400", description = "quantity below 1 or above the limit (validation-failed).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404",
			description = "No such item in the caller's cart (not-found), or the X-Cart-Token names no cart of the "
					+ "caller (cart-not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	CartView change(@AuthenticationPrincipal @Nullable Jwt jwt, @Parameter(description = TOKEN_DOC) @RequestHeader(name = ShoppingCarts.TOKEN_HEADER, required = false) @Nullable String token,
			@PathVariable UUID itemId, @Valid @RequestBody CartRequests.ChangeQuantity request) {
		return this.carts.change(Caller.of(jwt), token, itemId, request.quantity());
	}

	@DeleteMapping("/items/{itemId}")
	@Operation(summary = "Remove an item", description = "Publishes CartItemRemoved.")
	@ApiResponse(responseCode = "200", description = "The cart")
	@ApiResponse(responseCode = "404",
			description = "No such item in the caller's cart (not-found), or the X-Cart-Token names no cart of the "
					+ "caller (cart-not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	CartView remove(@AuthenticationPrincipal @Nullable Jwt jwt, @Parameter(description = TOKEN_DOC) @RequestHeader(name = ShoppingCarts.TOKEN_HEADER, required = false) @Nullable String token,
			@PathVariable UUID itemId) {
		return this.carts.remove(Caller.of(jwt), token, itemId);
	}

	@DeleteMapping
	@Operation(summary = "Empty the cart", description = "Publishes CartItemRemoved per line.")
	@ApiResponse(responseCode = "204", description = "The cart is empty")
	@ApiResponse(responseCode = "404", description = "The X-Cart-Token names no cart of the caller (cart-not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	ResponseEntity<Void> clear(@AuthenticationPrincipal @Nullable Jwt jwt, @Parameter(description = TOKEN_DOC) @RequestHeader(name = ShoppingCarts.TOKEN_HEADER, required = false) @Nullable String token) {
		this.carts.clear(Caller.of(jwt), token);
		return ResponseEntity.noContent().build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		/** Guests have carts too; a bearer token, when sent, must still be valid. */
		@Bean
		EndpointAuthorization cartAccess() {
			return requests -> requests.requestMatchers("/api/v1/cart", "/api/v1/cart/**").permitAll();
		}

	}

}
