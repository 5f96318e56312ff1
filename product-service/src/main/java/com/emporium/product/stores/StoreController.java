package com.emporium.product.stores;

import java.net.URI;
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
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.PageView;
import com.emporium.platform.web.ProblemException;
import com.emporium.platform.web.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.product.ApiDocs.BEARER;
import static com.emporium.product.ApiDocs.PROBLEM;
import static com.emporium.product.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/stores")
@Tag(name = "Stores", description = "Vendors' stores")
class StoreController {

	private final StoreDirectory directory;

	StoreController(StoreDirectory directory) {
		this.directory = directory;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "The store, open")
	@ApiResponse(responseCode = "403",
			description = "Not a vendor or admin, or a vendor naming another owner (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409", description = "Another store has this slug (already-exists, #/slug).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Open a store",
			description = "Vendors open stores they own; admins may name another owner (ownerId). The slug is "
					+ "unique among stores that are not deleted.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<StoreView> open(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CreateStoreRequest request) {
		StoreView store = this.directory.open(request, Caller.of(jwt));
		return ResponseEntity.created(URI.create("/api/v1/stores/" + store.id())).body(store);
	}

	@GetMapping
	@ApiResponse(responseCode = "401", description = "mine=true without a bearer token (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "List stores by name",
			description = "Anyone sees the active stores; mine=true lists the caller's own, inactive ones too; "
					+ "admins and managers see every store. Deleted stores are never listed.")
	PageView<StoreView> list(@AuthenticationPrincipal @Nullable Jwt jwt,
			@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		if (mine && jwt == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", ProblemResponses.UNAUTHENTICATED);
		}
		return PageView.of(this.directory.list(Caller.of(jwt), mine,
				PageRequest.of(page, size, Sort.by("name").and(Sort.by("id")))));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a store",
			description = "An inactive store only for its owner, admins and managers (404 for others); a deleted "
					+ "one for nobody.")
	StoreView get(@AuthenticationPrincipal @Nullable Jwt jwt, @PathVariable UUID id) {
		return this.directory.get(id, Caller.of(jwt));
	}

	@PatchMapping("/{id}")
	@ApiResponse(responseCode = "403", description = "Not the store's owner or an admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409", description = "Another store has this slug (already-exists, #/slug).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Change a store",
			description = "Fields left out (or null) stay as they are; an empty description removes it; active "
					+ "false closes the store to shoppers.",
			security = @SecurityRequirement(name = BEARER))
	StoreView change(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@Valid @RequestBody UpdateStoreRequest request) {
		return this.directory.change(id, request, Caller.of(jwt));
	}

	@DeleteMapping("/{id}")
	@ApiResponse(responseCode = "204", description = "The store is deleted")
	@ApiResponse(responseCode = "403", description = "Not the store's owner or an admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409", description = "The store still has products (store-not-empty).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Delete a store",
			description = "Only when none of its products is left, listed or not. Its slug becomes free.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		this.directory.delete(id, Caller.of(jwt));
		return ResponseEntity.noContent().build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization storeAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/stores", "/api/v1/stores/*")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/stores")
				.hasAnyRole("VENDOR", "ADMIN")
				.requestMatchers(HttpMethod.PATCH, "/api/v1/stores/*")
				.authenticated()
				.requestMatchers(HttpMethod.DELETE, "/api/v1/stores/*")
				.authenticated();
		}

	}

}
