package com.emporium.product.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.product.SessionIds;
import com.emporium.product.catalog.Criteria;
import com.emporium.product.catalog.CurrencyCode;
import com.emporium.product.catalog.CurrencyConverter;
import com.emporium.product.catalog.ProductFinder;
import com.emporium.product.catalog.ProductSort;
import com.emporium.product.catalog.Suggestion;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.product.ApiDocs.PROBLEM;
import static com.emporium.product.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Full-text search with facets, suggestions and result clicks")
class SearchController {

	private final SearchEngine engine;

	private final CurrencyConverter converter;

	SearchController(SearchEngine engine, CurrencyConverter converter) {
		this.engine = engine;
		this.converter = converter;
	}

	@GetMapping
	@ApiResponse(responseCode = "200", description = "A page of results with facets and a searchId")
	@ApiResponse(responseCode = "400",
			description = "A parameter is invalid (validation-failed, naming it): q blank, over 200 characters, "
					+ "with control characters or without a letter or digit; size over 100; an unknown category, "
					+ "store or currency; a malformed X-Session-Id.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Search products",
			description = "Full-text search over listed products (name first, then brand and tags, then "
					+ "description; English stemming), with names similar to the query let in when it finds nothing "
					+ "(typoTolerant says so). q takes words, \"quoted phrases\", -excluded words and or. "
					+ "The filters are those of GET /products. facets count the results by category, brand, price "
					+ "band and stock, each with every filter applied except its own; they count at most 10,000 "
					+ "matches by default (facets.capped says a query matched more). Each search gets a searchId "
					+ "(send it with clicks) and publishes SearchPerformed.")
	SearchResults search(@AuthenticationPrincipal @Nullable Jwt jwt,
			@Parameter(description = SessionIds.DESCRIPTION) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@Parameter(description = "What to search for: 1 to 200 characters") @RequestParam String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @ParameterObject Criteria criteria,
			@Parameter(description = "relevance (default), price_asc, price_desc, newest, popularity (most viewed) "
					+ "or rating (best average review first, unrated last); hyphens work too") @RequestParam(
							defaultValue = "relevance") @Pattern(regexp = ProductSort.SEARCH_PATTERN,
									message = "must be relevance, price_asc, price_desc, newest, popularity or rating") String sort,
			@Parameter(hidden = true) @RequestParam(defaultValue = "full-text") @Pattern(regexp = "full-text|ilike",
					message = "must be full-text or ilike") String mode,
			@Parameter(description = CurrencyConverter.PARAMETER) @RequestParam(
					required = false) @CurrencyCode @Nullable String currency) {
		String sessionId = SessionIds.parse(session);
		Map<String, Object> filters = new LinkedHashMap<>(criteria.asParameters());
		filters.put("sort", sort);
		ProductFinder.Matching matching = mode.equals("ilike") ? ProductFinder.Matching.ILIKE
				: ProductFinder.Matching.FULL_TEXT;
		SearchResults results = this.engine.search(q, criteria, sort, matching, page, size, filters, Caller.of(jwt),
				sessionId);
		return (currency != null) ? results.convertedTo(currency, this.converter) : results;
	}

	@GetMapping("/suggestions")
	@ApiResponse(responseCode = "400", description = "q or limit is invalid (validation-failed, naming it).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Suggest completions",
			description = "Names of listed products that start with q, brands that start with it, then names with a "
					+ "word similar to it (typos); each once, at most limit.")
	Suggestions suggestions(@RequestParam String q,
			@RequestParam(defaultValue = "10") @Min(1) @Max(20) int limit) {
		return new Suggestions(this.engine.suggest(q, limit));
	}

	@PostMapping("/clicks")
	@ApiResponse(responseCode = "204", description = "The click is recorded")
	@ApiResponse(responseCode = "400",
			description = "validation-failed naming #/searchId (not a search of the last 24 hours), #/position "
					+ "(below 1, or beyond the search's results) or #/productId (not a listed product), or a "
					+ "malformed X-Session-Id.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403",
			description = "The search was a signed-in shopper's, and the caller is someone else (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Record a click on a search result",
			description = "Which result of a search the shopper opened, at which position (from 1, across pages). "
					+ "Publishes SearchResultClicked.")
	ResponseEntity<Void> click(@AuthenticationPrincipal @Nullable Jwt jwt,
			@Parameter(description = SessionIds.DESCRIPTION) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@Valid @RequestBody ClickRequest request) {
		this.engine.click(request, Caller.of(jwt), SessionIds.parse(session));
		return ResponseEntity.noContent().build();
	}

	/** Completions, best first. */
	record Suggestions(List<Suggestion> suggestions) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization searchAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/search", "/api/v1/search/suggestions")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/search/clicks")
				.permitAll();
		}

	}

}
