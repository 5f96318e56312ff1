package com.emporium.user.addresses;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.NotFoundException;
import com.emporium.platform.web.PageView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/me/addresses")
@Tag(name = "Addresses", description = "The caller's address book")
class AddressController {

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String PROBLEM = "#/components/schemas/Problem";

	private final AddressBook book;

	AddressController(AddressBook book) {
		this.book = book;
	}

	@GetMapping
	@Operation(summary = "The caller's addresses, oldest first",
			description = "All of them on one page (an address book holds at most 20).",
			security = @SecurityRequirement(name = "bearer-jwt"))
	PageView<AddressView> list(@AuthenticationPrincipal Jwt jwt) {
		List<AddressView> addresses = this.book.list(owner(jwt));
		return new PageView<>(addresses, 0, AddressBook.MAX_PER_USER, addresses.size(), 1);
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "The address")
	@ApiResponse(responseCode = "409", description = "The address book is full: 20 addresses (conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Add an address",
			description = "label HOME, WORK or OTHER; country an ISO 3166-1 alpha-2 code. defaultShipping or "
					+ "defaultBilling set to true takes that flag from the address that had it.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<AddressView> add(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AddressRequest request) {
		AddressView address = this.book.add(owner(jwt), request);
		return ResponseEntity.created(URI.create("/api/v1/users/me/addresses/" + address.id())).body(address);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of the caller's addresses",
			description = "404 for an address of someone else, as for one that does not exist.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	AddressView get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		return this.book.get(owner(jwt), id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace one of the caller's addresses",
			description = "Every field as when adding; what is left out is removed (optional fields) or false "
					+ "(default flags).",
			security = @SecurityRequirement(name = "bearer-jwt"))
	AddressView replace(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@Valid @RequestBody AddressRequest request) {
		return this.book.replace(owner(jwt), id, request);
	}

	@DeleteMapping("/{id}")
	@ApiResponse(responseCode = "204", description = "The address is gone")
	@Operation(summary = "Remove one of the caller's addresses",
			description = "Removing a default address leaves the caller without that default.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		this.book.remove(owner(jwt), id);
		return ResponseEntity.noContent().build();
	}

	/** The caller, from the token's {@code sub}. */
	private static UUID owner(Jwt jwt) {
		try {
			return UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new NotFoundException("User", String.valueOf(jwt.getSubject()));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization addressAccess() {
			return requests -> requests.requestMatchers("/api/v1/users/me/addresses", "/api/v1/users/me/addresses/**")
				.authenticated();
		}

	}

}
