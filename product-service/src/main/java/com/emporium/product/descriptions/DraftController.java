package com.emporium.product.descriptions;

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
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.product.catalog.IfMatch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.product.ApiDocs.BEARER;
import static com.emporium.product.ApiDocs.PROBLEM;
import static com.emporium.product.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/products/{productId}/description-drafts")
@Tag(name = "Description drafts", description = "Product descriptions drafted by an LLM, for the owner to accept")
@ApiResponse(responseCode = "400", description = "An id is no UUID, or a field is invalid (validation-failed).",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
@ApiResponse(responseCode = "403", description = "Not the store's owner or an admin (forbidden).",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
@ApiResponse(responseCode = "404", description = "No such product, or no such draft of it (not-found).",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
class DraftController {

	private final DescriptionWriter writer;

	DraftController(DescriptionWriter writer) {
		this.writer = writer;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "The draft")
	@ApiResponse(responseCode = "503",
			description = "No LLM is configured (llm-not-configured, naming the properties to set), or it gave no "
					+ "usable draft in time (llm-unavailable, with reason). Nothing is stored.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Draft a description",
			description = "Asks the configured LLM to write a description from the product's name, brand, category, "
					+ "tags, attributes, current description and the keyFeatures sent (optional body). The draft is "
					+ "plain text of at most emporium.catalog.descriptions.max-chars characters.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<DraftView> draft(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId,
			@Valid @RequestBody(required = false) @Nullable DraftRequest request) {
		DraftView draft = this.writer.draft(productId, (request != null) ? request : new DraftRequest(null),
				Caller.of(jwt));
		return ResponseEntity
			.created(URI.create("/api/v1/products/%s/description-drafts/%s".formatted(productId, draft.id())))
			.body(draft);
	}

	@GetMapping
	@Operation(summary = "A product's description drafts", description = "Newest first.",
			security = @SecurityRequirement(name = BEARER))
	DraftList list(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId) {
		return new DraftList(this.writer.list(productId, Caller.of(jwt)));
	}

	@GetMapping("/{draftId}")
	@Operation(summary = "A description draft", security = @SecurityRequirement(name = BEARER))
	DraftView get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId, @PathVariable UUID draftId) {
		return this.writer.get(productId, draftId, Caller.of(jwt));
	}

	@PutMapping("/{draftId}/accept")
	@ApiResponse(responseCode = "204", description = "The draft is the product's description; ETag is its new version")
	@ApiResponse(responseCode = "409", description = "If-Match names an older version (version-conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Accept a draft",
			description = "Makes the draft the product's description, as a change of the product (its version moves "
					+ "on; ProductUpdated is published). If-Match is optional.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<Void> accept(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID productId,
			@PathVariable UUID draftId,
			@Parameter(description = "The ETag of the product version read, such as \"3\"") @RequestHeader(
					name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		long version = this.writer.accept(productId, draftId, IfMatch.version(ifMatch), Caller.of(jwt));
		return ResponseEntity.noContent().eTag(IfMatch.etag(version)).build();
	}

	/** The drafts, newest first. */
	record DraftList(List<DraftView> items) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization draftAccess() {
			return requests -> requests
				.requestMatchers("/api/v1/products/*/description-drafts", "/api/v1/products/*/description-drafts/**")
				.hasAnyRole("VENDOR", "ADMIN");
		}

	}

}
