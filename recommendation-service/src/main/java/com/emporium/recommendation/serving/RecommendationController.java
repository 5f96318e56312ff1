package com.emporium.recommendation.serving;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.ProblemException;
import com.emporium.recommendation.interaction.SessionIds;
import com.emporium.recommendation.serving.Recommendations.Caller;
import com.emporium.recommendation.serving.RecommendationViews.RecommendationList;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.recommendation.ApiDocs.BEARER;
import static com.emporium.recommendation.ApiDocs.PROBLEM;
import static com.emporium.recommendation.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping(RecommendationController.BASE)
@Tag(name = "Recommendations",
		description = "Lists of products for shoppers, products, categories and the shop, each with a "
				+ "recommendationId to send back with impressions and clicks, and a reason per product")
class RecommendationController {

	static final String BASE = "/api/v1/recommendations";

	static final String LIMIT = "How many products at most, 1 to 50";

	static final String CONTEXT = "Where the list is shown: homepage, product_page, cart or checkout";

	private final Recommendations recommendations;

	RecommendationController(Recommendations recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping("/users/me")
	@Operation(summary = "Recommendations for me",
			description = "For the signed-in shopper: personalised when the model knows them (their purchases, carts, "
					+ "wishlist and views); else built from what they look at: the product page's product, the cart "
					+ "(context cart or checkout), their recent views; else trending. Products bought within "
					+ "emporium.recommendation.serving.just-bought are left out unless shoppers rebuy them.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "200", description = "The list (possibly empty)")
	@ApiResponse(responseCode = "400",
			description = "validation-failed naming limit (1–50), context, or productId (not a UUID, or missing with "
					+ "context product_page).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "The token does not name a user account (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "productId names no product of the catalog (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	RecommendationList mine(@AuthenticationPrincipal Jwt jwt,
			@Parameter(description = CONTEXT) @RequestParam(required = false) @Nullable String context,
			@Parameter(description = "The product on the page (required for product_page)") @RequestParam(
					required = false) @Nullable UUID productId,
			@Parameter(description = LIMIT) @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return this.recommendations.forShopper(new Caller(userId(jwt), null),
				ShopperContext.parse(context, ShopperContext.HOMEPAGE), productId, limit);
	}

	@GetMapping("/sessions/me")
	@Operation(summary = "Recommendations for an anonymous session",
			description = "As /users/me, for a shopper who is not signed in: by what their session did (X-Session-Id).")
	@ApiResponse(responseCode = "200", description = "The list (possibly empty)")
	@ApiResponse(responseCode = "400",
			description = "validation-failed naming X-Session-Id (missing or malformed), limit, context or productId.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "productId names no product of the catalog (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	RecommendationList session(
			@Parameter(description = SessionIds.DESCRIPTION, required = true) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@Parameter(description = CONTEXT) @RequestParam(required = false) @Nullable String context,
			@Parameter(description = "The product on the page (required for product_page)") @RequestParam(
					required = false) @Nullable UUID productId,
			@Parameter(description = LIMIT) @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		String sessionId = SessionIds.parse(SessionIds.HEADER, session);
		if (sessionId == null) {
			throw new InvalidParameterException(SessionIds.HEADER, "header is required");
		}
		return this.recommendations.forShopper(new Caller(null, sessionId),
				ShopperContext.parse(context, ShopperContext.HOMEPAGE), productId, limit);
	}

	@GetMapping("/products/{productId}/similar")
	@Operation(summary = "Products similar to this one",
			description = "Bought by the same shoppers (also-bought) or described alike (content); for a product the "
					+ "model does not know yet, popular and new products of its category.")
	@ApiResponse(responseCode = "200", description = "The list (possibly empty)")
	@ApiResponse(responseCode = "400", description = "validation-failed naming productId, limit or context.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No such product in the catalog, or deleted (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	RecommendationList similar(@AuthenticationPrincipal @Nullable Jwt jwt,
			@Parameter(description = SessionIds.DESCRIPTION) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@PathVariable UUID productId,
			@Parameter(description = CONTEXT) @RequestParam(required = false) @Nullable String context,
			@Parameter(description = LIMIT) @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return this.recommendations.similar(productId, caller(jwt, session),
				ShopperContext.parse(context, ShopperContext.PRODUCT_PAGE), limit);
	}

	@GetMapping("/products/{productId}/frequently-bought-together")
	@Operation(summary = "Frequently bought together with this product",
			description = "Association rules mined from orders (confidence, lift above 1); filled with popular "
					+ "products of its category when there are too few.")
	@ApiResponse(responseCode = "200", description = "The list (possibly empty)")
	@ApiResponse(responseCode = "400", description = "validation-failed naming productId, limit or context.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No such product in the catalog, or deleted (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	RecommendationList boughtTogether(@AuthenticationPrincipal @Nullable Jwt jwt,
			@Parameter(description = SessionIds.DESCRIPTION) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@PathVariable UUID productId,
			@Parameter(description = CONTEXT) @RequestParam(required = false) @Nullable String context,
			@Parameter(description = LIMIT) @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return this.recommendations.boughtTogether(productId, caller(jwt, session),
				ShopperContext.parse(context, ShopperContext.PRODUCT_PAGE), limit);
	}

	@GetMapping("/popular")
	@Operation(summary = "The most popular products",
			description = "By how many shoppers bought, carted, wished or viewed them; new arrivals without a model.")
	@ApiResponse(responseCode = "200", description = "The list (possibly empty)")
	@ApiResponse(responseCode = "400", description = "validation-failed naming limit or context.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	RecommendationList popular(@AuthenticationPrincipal @Nullable Jwt jwt,
			@Parameter(description = SessionIds.DESCRIPTION) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@Parameter(description = CONTEXT) @RequestParam(required = false) @Nullable String context,
			@Parameter(description = LIMIT) @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return this.recommendations.popular(caller(jwt, session),
				ShopperContext.parse(context, ShopperContext.HOMEPAGE), limit);
	}

	@GetMapping("/trending")
	@Operation(summary = "Trending products",
			description = "Popularity that fades with age (half-life 14 days by default): what shoppers turn to now.")
	@ApiResponse(responseCode = "200", description = "The list (possibly empty)")
	@ApiResponse(responseCode = "400", description = "validation-failed naming limit or context.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	RecommendationList trending(@AuthenticationPrincipal @Nullable Jwt jwt,
			@Parameter(description = SessionIds.DESCRIPTION) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@Parameter(description = CONTEXT) @RequestParam(required = false) @Nullable String context,
			@Parameter(description = LIMIT) @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return this.recommendations.trending(caller(jwt, session),
				ShopperContext.parse(context, ShopperContext.HOMEPAGE), limit);
	}

	@GetMapping("/new-arrivals")
	@Operation(summary = "The newest products in the catalog",
			description = "Listed, not deleted, not out of stock; newest first. limit goes to 100 here.")
	@ApiResponse(responseCode = "200", description = "The list (possibly empty)")
	@ApiResponse(responseCode = "400", description = "validation-failed naming limit (1–100) or context.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	RecommendationList newArrivals(@AuthenticationPrincipal @Nullable Jwt jwt,
			@Parameter(description = SessionIds.DESCRIPTION) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@Parameter(description = CONTEXT) @RequestParam(required = false) @Nullable String context,
			@Parameter(description = "How many products at most, 1 to 100") @RequestParam(
					defaultValue = "10") @Min(1) @Max(100) int limit) {
		return this.recommendations.newArrivals(caller(jwt, session),
				ShopperContext.parse(context, ShopperContext.HOMEPAGE), limit);
	}

	@GetMapping("/categories/{categoryId}")
	@Operation(summary = "The most popular products of a category",
			description = "Then its newest; an empty list for a category without available products.")
	@ApiResponse(responseCode = "200", description = "The list (possibly empty)")
	@ApiResponse(responseCode = "400", description = "validation-failed naming categoryId, limit or context.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	RecommendationList category(@AuthenticationPrincipal @Nullable Jwt jwt,
			@Parameter(description = SessionIds.DESCRIPTION) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@PathVariable UUID categoryId,
			@Parameter(description = CONTEXT) @RequestParam(required = false) @Nullable String context,
			@Parameter(description = LIMIT) @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		return this.recommendations.category(categoryId, caller(jwt, session),
				ShopperContext.parse(context, ShopperContext.HOMEPAGE), limit);
	}

	/** Whoever asks: by token when sent, by session when sent; both may be absent. */
	private static Caller caller(@Nullable Jwt jwt, @Nullable String session) {
		return new Caller((jwt != null) ? userIdOrNull(jwt) : null, SessionIds.parse(SessionIds.HEADER, session));
	}

	/** The caller's account id: the token's subject, which must be a user id. */
	private static UUID userId(Jwt jwt) {
		UUID userId = userIdOrNull(jwt);
		if (userId == null) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
					"Your token does not name a user account, so there are no recommendations for you.");
		}
		return userId;
	}

	private static @Nullable UUID userIdOrNull(Jwt jwt) {
		try {
			return UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException notAUser) {
			return null;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ServingProperties.class)
	static class Access {

		/** The shopper's own list needs a token; every other list is public. */
		@Bean
		EndpointAuthorization recommendationAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, BASE + "/users/me")
				.authenticated()
				.requestMatchers(HttpMethod.GET, BASE, BASE + "/**")
				.permitAll();
		}

	}

}
