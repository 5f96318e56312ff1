package com.emporium.product.catalog;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.PageView;
import com.emporium.platform.web.ProblemException;
import com.emporium.platform.web.ProblemResponses;
import com.emporium.product.SessionIds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.product.ApiDocs.BEARER;
import static com.emporium.product.ApiDocs.PROBLEM;
import static com.emporium.product.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "The catalog's products")
class ProductController {

	private final Catalog catalog;

	private final List<ProductReads> reads;

	private final CurrencyConverter converter;

	ProductController(Catalog catalog, List<ProductReads> reads, CurrencyConverter converter) {
		this.catalog = catalog;
		this.reads = reads;
		this.converter = converter;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "The product; ETag is its version")
	@ApiResponse(responseCode = "400",
			description = "A field is invalid (validation-failed, naming it), including an unknown storeId or "
					+ "categoryId, a compare-at price not above the price, or two primary images.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403",
			description = "Not a vendor or admin, or not the owner of the store (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "Another product of the store has the slug, or another variant the SKU "
					+ "(already-exists, naming #/slug or #/variants/{i}/sku).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Add a product",
			description = "To a store the caller owns (admins: any store). Publishes ProductCreated and, per "
					+ "variant, StockChanged.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<ProductView> create(@AuthenticationPrincipal Jwt jwt,
			@Valid @RequestBody CreateProductRequest request) {
		ProductView product = this.catalog.create(request, Caller.of(jwt));
		return ResponseEntity.created(URI.create("/api/v1/products/" + product.id()))
			.eTag(etag(product))
			.body(product);
	}

	@GetMapping("/{id}")
	@ApiResponse(responseCode = "400",
			description = "id is no UUID, currency no ISO 4217 code, or X-Session-Id is malformed (validation-failed).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Get a product",
			description = "ETag is its version, for If-Match. Deleted products are 404; unlisted ones too, "
					+ "except for the store's owner, admins and managers. Counts a view (once per viewer within "
					+ "emporium.catalog.views.dedup-window; the viewer is the signed-in user, else the X-Session-Id, "
					+ "else the client address) and publishes ProductViewed for it.")
	ResponseEntity<ProductView> get(@AuthenticationPrincipal @Nullable Jwt jwt, @PathVariable UUID id,
			@Parameter(description = SessionIds.DESCRIPTION) @RequestHeader(name = SessionIds.HEADER,
					required = false) @Nullable String session,
			@Parameter(description = CurrencyConverter.PARAMETER) @RequestParam(required = false) @CurrencyCode @Nullable String currency,
			HttpServletRequest request) {
		String sessionId = SessionIds.parse(session);
		Caller caller = Caller.of(jwt);
		ProductView product = this.catalog.get(id, caller);
		ProductReads.Reader reader = new ProductReads.Reader(caller.userId(), sessionId, request.getRemoteAddr());
		this.reads.forEach(listener -> listener.read(id, reader));
		return ResponseEntity.ok().eTag(etag(product)).body(product.convertedTo(currency, this.converter));
	}

	@PatchMapping("/{id}")
	@ApiResponse(responseCode = "200", description = "The product; ETag is its new version")
	@ApiResponse(responseCode = "403", description = "Not the store's owner or an admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "The product changed since the version sent (version-conflict, with currentVersion), "
					+ "or a slug or SKU is taken (already-exists).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Change a product",
			description = "JSON merge patch: fields left out stay; null removes brand, description, compareAtPrice "
					+ "or categoryId; tags, attributes, images and variants, when sent, replace what is stored "
					+ "(variants are matched by SKU). Send the version you read as version, or its ETag as "
					+ "If-Match; a stale one is refused with 409. Publishes ProductUpdated, and StockChanged for "
					+ "variants whose stock changed.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<ProductView> change(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@Parameter(description = "The ETag of the version read, such as \"3\"") @RequestHeader(
					name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody UpdateProductRequest request) {
		ProductView product = this.catalog.change(id, request, IfMatch.version(ifMatch), Caller.of(jwt));
		return ResponseEntity.ok().eTag(etag(product)).body(product);
	}

	@PatchMapping("/{id}/stock")
	@ApiResponse(responseCode = "200", description = "The product; ETag is its new version")
	@ApiResponse(responseCode = "403",
			description = "Not the store's owner, an admin or a manager (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "A version was sent and the product changed since (version-conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Set the stock of variants",
			description = "Sets the available stock of the variants named by SKU; the others keep theirs. A "
					+ "version (or If-Match) is optional here. Publishes StockChanged per variant that changed.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<ProductView> restock(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody StockRequest request) {
		ProductView product = this.catalog.restock(id, request, IfMatch.version(ifMatch), Caller.of(jwt));
		return ResponseEntity.ok().eTag(etag(product)).body(product);
	}

	@DeleteMapping("/{id}")
	@ApiResponse(responseCode = "204", description = "The product is deleted")
	@ApiResponse(responseCode = "403", description = "Not the store's owner or an admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409", description = "If-Match names an older version (version-conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Delete a product",
			description = "It is gone from the catalog (404, not listed) and its slug and SKUs are free; its row "
					+ "stays for the orders that name it. Publishes ProductDeleted.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		this.catalog.delete(id, IfMatch.version(ifMatch), Caller.of(jwt));
		return ResponseEntity.noContent().build();
	}

	@GetMapping
	@Operation(summary = "List products",
			description = "Listed products of any store, newest first unless sort says otherwise. Filters combine: "
					+ "category (with the categories beneath it), brand (ignoring case), minPrice and maxPrice "
					+ "(amounts, whatever the currency; add currency to compare like with like), inStock (some "
					+ "variant has stock), store, tags (every one). includeInactive adds unlisted products, for "
					+ "admins and managers, or for a store's owner together with store.")
	PageView<ProductSummary> list(@AuthenticationPrincipal @Nullable Jwt jwt,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @ParameterObject Criteria criteria,
			@Parameter(description = "newest (default), price-asc, price-desc, popularity (most viewed) or rating "
					+ "(best average review first, unrated last); underscores work too (price_asc)") @RequestParam(
							defaultValue = "newest") @Pattern(regexp = ProductSort.LIST_PATTERN,
									message = "must be newest, price-asc, price-desc, popularity or rating") String sort,
			@RequestParam(defaultValue = "false") boolean includeInactive,
			@Parameter(description = CurrencyConverter.PARAMETER) @RequestParam(required = false) @CurrencyCode @Nullable String currency) {
		if (includeInactive && jwt == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", ProblemResponses.UNAUTHENTICATED);
		}
		return PageView.of(this.catalog
			.list(criteria, includeInactive, ProductSort.of(sort), Caller.of(jwt), PageRequest.of(page, size))
			.map(product -> product.convertedTo(currency, this.converter)));
	}

	private static String etag(ProductView product) {
		return IfMatch.etag(product.version());
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization productAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/products", "/api/v1/products/*")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/products")
				.hasAnyRole("VENDOR", "ADMIN")
				.requestMatchers(HttpMethod.PATCH, "/api/v1/products/*/stock")
				.hasAnyRole("VENDOR", "ADMIN", "MANAGER")
				.requestMatchers(HttpMethod.PATCH, "/api/v1/products/*")
				.authenticated()
				.requestMatchers(HttpMethod.DELETE, "/api/v1/products/*")
				.authenticated();
		}

	}

}
