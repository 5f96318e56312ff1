package com.emporium.recommendation.interaction;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.PageView;
import com.emporium.recommendation.catalog.CatalogItem;
import com.emporium.recommendation.catalog.CatalogReplica;
import com.emporium.recommendation.interaction.ClientInteractions.Poster;
import com.emporium.recommendation.interaction.InteractionViews.OwnInteraction;
import com.emporium.recommendation.interaction.InteractionViews.Recorded;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.recommendation.ApiDocs.BEARER;
import static com.emporium.recommendation.ApiDocs.PROBLEM;
import static com.emporium.recommendation.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/interactions")
@Tag(name = "Interactions",
		description = "What shoppers do with products: recommendation impressions and clicks posted by clients, "
				+ "and each shopper's own history")
class InteractionController {

	private final ClientInteractions clientInteractions;

	private final InteractionStore store;

	private final HistoryErasure erasure;

	private final CatalogReplica catalog;

	InteractionController(ClientInteractions clientInteractions, InteractionStore store, HistoryErasure erasure,
			CatalogReplica catalog) {
		this.clientInteractions = clientInteractions;
		this.store = store;
		this.erasure = erasure;
		this.catalog = catalog;
	}

	@PostMapping
	@Operation(summary = "Record recommendation impressions or a click",
			description = "What only the client sees: a list of recommendations shown (RECOMMENDATION_IMPRESSION, "
					+ "productIds in the order shown) or one of its products opened (RECOMMENDATION_CLICK, productId "
					+ "and position). Signed-in shoppers send their token; anonymous ones their X-Session-Id. "
					+ "Posting the same list or click again stores nothing more; products deleted since are skipped. "
					+ "Each shopper (or session) may post 60 times a minute by default.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "202", description = "Recorded; recorded says how many interactions were new")
	@ApiResponse(responseCode = "400",
			description = "validation-failed naming the field: type, recommendationId (1–100 characters), algorithm "
					+ "(1–50), context (homepage, product_page, cart or checkout), productIds (impressions: 1–100 "
					+ "different products of the catalog), productId (clicks: a product of the catalog), position "
					+ "(1–1000; required for clicks); or X-Session-Id (malformed, or missing without a token).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "429",
			description = "too-many-requests: over the budget of this shopper or session; Retry-After says when to "
					+ "try again.",
			headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	ResponseEntity<Recorded> post(@AuthenticationPrincipal @Nullable Jwt jwt,
			@Parameter(description = SessionIds.DESCRIPTION) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@Valid @RequestBody PostedInteraction body) {
		String sessionId = SessionIds.parse(SessionIds.HEADER, session);
		UUID userId = (jwt != null) ? InteractionViews.userId(jwt) : null;
		if (userId == null && sessionId == null) {
			throw InvalidFieldException.parameter(SessionIds.HEADER,
					"is required without a bearer token: name the anonymous shopper's session");
		}
		int recorded = this.clientInteractions.record(body, new Poster(userId, sessionId));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Recorded(recorded));
	}

	@GetMapping("/me")
	@Operation(summary = "My interactions",
			description = "The signed-in shopper's own interactions, newest first, of one type or all.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "400", description = "type, page or size invalid (validation-failed, naming it).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	PageView<OwnInteraction> mine(@AuthenticationPrincipal Jwt jwt,
			@Parameter(description = "Only interactions of this type") @RequestParam(
					required = false) @Nullable InteractionType type,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Page<Interaction> interactions = this.store.history(InteractionViews.userId(jwt), type,
				PageRequest.of(page, size));
		Set<UUID> productIds = new HashSet<>();
		interactions.forEach(interaction -> productIds.add(interaction.productId()));
		Map<UUID, CatalogItem> products = this.catalog.find(productIds);
		return PageView.of(interactions.map(interaction -> {
			CatalogItem product = products.get(interaction.productId());
			return OwnInteraction.of(interaction, (product != null) ? product.name() : null,
					product != null && product.deleted());
		}));
	}

	@DeleteMapping("/me")
	@Operation(summary = "Erase my interactions",
			description = "Deletes every interaction of the signed-in shopper up to now, including those still on "
					+ "their way; what they do afterwards is recorded again.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "204", description = "Erased (also when there was nothing to erase)")
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	ResponseEntity<Void> erase(@AuthenticationPrincipal Jwt jwt) {
		this.erasure.eraseHistory(InteractionViews.userId(jwt));
		return ResponseEntity.noContent().build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		/** Anonymous shoppers post with their session; the rest needs a token (the default rule). */
		@Bean
		EndpointAuthorization interactionAccess() {
			return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/interactions")
				.permitAll()
				.requestMatchers("/api/v1/admin/interactions", "/api/v1/admin/interactions/**")
				.hasAnyRole("ADMIN", "MANAGER");
		}

	}

}
