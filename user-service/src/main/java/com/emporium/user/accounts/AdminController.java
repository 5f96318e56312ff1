package com.emporium.user.accounts;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.PageView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.user.accounts.AuthController.PROBLEM;
import static com.emporium.user.accounts.AuthController.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "User administration",
		description = "Accounts as admins (everything) and managers (reading) see them; every change is audited")
class AdminController {

	private final Administration administration;

	AdminController(Administration administration) {
		this.administration = administration;
	}

	@GetMapping
	@Operation(summary = "List and search accounts (admins and managers)",
			description = "Newest first, deleted accounts left out. q matches part of an email, username or full "
					+ "name (case-insensitive; % and _ are plain characters); role and active filter.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	PageView<AdminUserView> list(@RequestParam(required = false) @Nullable @Size(max = 100) String q,
			@RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(this.administration.search(q, role, active,
				PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")))));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One account, in full (admins and managers)",
			description = "Everything but the password hash. A deleted account shows its tombstone and deletedAt.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	AdminUserView get(@PathVariable UUID id) {
		return this.administration.get(id);
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "The account")
	@ApiResponse(responseCode = "409", description = "The email or username is taken (account-exists).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Open an account with any roles (admins)",
			description = "The fields, rules and password policy of registration, plus roles (1 to 4 of CUSTOMER, "
					+ "VENDOR, MANAGER, ADMIN). A vendor's account publishes UserRegistered. Audited as USER_CREATED.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<AdminUserView> create(@Valid @RequestBody CreateAccountRequest request,
			@AuthenticationPrincipal Jwt jwt) {
		AdminUserView user = this.administration.create(request, AuthController.userId(jwt));
		return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.id())).body(user);
	}

	@PatchMapping("/{id}")
	@ApiResponse(responseCode = "200", description = "The account")
	@ApiResponse(responseCode = "409",
			description = "Another account has the email (account-exists), or the account was deleted (conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Change an account's email, names or phone (admins)",
			description = "Fields left out stay as they are; an empty phone removes it. Audited as USER_UPDATED.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	AdminUserView change(@PathVariable UUID id, @Valid @RequestBody ChangeAccountRequest request,
			@AuthenticationPrincipal Jwt jwt) {
		return this.administration.change(id, request, AuthController.userId(jwt));
	}

	@PostMapping("/{id}/deactivation")
	@ApiResponse(responseCode = "204", description = "The account is deactivated (or already was)")
	@ApiResponse(responseCode = "409",
			description = "Admins cannot deactivate their own account, nor a deleted one (conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Deactivate an account (admins)",
			description = "It can no longer sign in or refresh; its sessions are revoked (UserSessionsRevoked). "
					+ "Audited as USER_DEACTIVATED.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<Void> deactivate(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		this.administration.deactivate(id, AuthController.userId(jwt));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/deactivation")
	@ApiResponse(responseCode = "204", description = "The account is active (again)")
	@ApiResponse(responseCode = "409", description = "The account was deleted (conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Reactivate an account (admins)",
			description = "Its owner can sign in again; sessions ended by the deactivation stay ended. Audited as "
					+ "USER_REACTIVATED.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<Void> reactivate(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		this.administration.reactivate(id, AuthController.userId(jwt));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}")
	@ApiResponse(responseCode = "204", description = "The account is deleted (or already was)")
	@ApiResponse(responseCode = "409", description = "Admins cannot delete their own account (conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Delete an account (admins)",
			description = "As the owner's own deletion: the id stays, personal data and addresses are erased, every "
					+ "session ends; publishes UserSessionsRevoked and UserDeleted. Audited as USER_DELETED.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		this.administration.delete(id, AuthController.userId(jwt));
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id}/roles/{role}")
	@ApiResponse(responseCode = "200", description = "The account with the role")
	@ApiResponse(responseCode = "409", description = "The account was deleted (conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Grant a role (admins)",
			description = "The account's access tokens issued until now are refused from now on "
					+ "(UserSessionsRevoked), so none keeps the old roles; refreshing brings a token with the new "
					+ "ones. Granting a role the account has changes nothing. Audited as ROLE_ASSIGNED.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	AdminUserView assign(@PathVariable UUID id,
			@Parameter(description = "CUSTOMER, VENDOR, MANAGER or ADMIN") @PathVariable Role role,
			@AuthenticationPrincipal Jwt jwt) {
		return this.administration.assign(id, role, AuthController.userId(jwt));
	}

	@DeleteMapping("/{id}/roles/{role}")
	@ApiResponse(responseCode = "200", description = "The account without the role")
	@ApiResponse(responseCode = "409",
			description = "It is the account's only role, an admin's own ADMIN role, or the account was deleted "
					+ "(conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Remove a role (admins)",
			description = "Retires the account's access tokens as granting does. Removing a role the account does "
					+ "not have changes nothing. Audited as ROLE_REMOVED.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	AdminUserView remove(@PathVariable UUID id,
			@Parameter(description = "CUSTOMER, VENDOR, MANAGER or ADMIN") @PathVariable Role role,
			@AuthenticationPrincipal Jwt jwt) {
		return this.administration.remove(id, role, AuthController.userId(jwt));
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization adminUserAccess() {
			return requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/admin/users", "/api/v1/admin/users/**")
				.hasAnyRole("ADMIN", "MANAGER")
				.requestMatchers("/api/v1/admin/users", "/api/v1/admin/users/**")
				.hasRole("ADMIN");
		}

	}

}
