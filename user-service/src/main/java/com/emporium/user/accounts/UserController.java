package com.emporium.user.accounts;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Profiles")
class UserController {

	private final Accounts accounts;

	UserController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/me")
	@Operation(summary = "The caller's own account", security = @SecurityRequirement(name = "bearer-jwt"))
	UserView me(@AuthenticationPrincipal Jwt jwt) {
		return this.accounts.me(AuthController.userId(jwt));
	}

	@PatchMapping("/me")
	@Operation(summary = "Change the caller's name or phone",
			description = "Fields left out stay as they are; an empty phone removes it.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	UserView changeMe(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody UpdateProfileRequest request) {
		return this.accounts.changeProfile(AuthController.userId(jwt), request);
	}

	@GetMapping
	@Operation(summary = "List and search accounts (admins and managers)",
			description = "Newest first; q matches part of an email or username, role filters by role.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	PageView<AdminUserView> list(@RequestParam(required = false) @Nullable @Size(max = 100) String q,
			@RequestParam(required = false) @Nullable Role role,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(this.accounts.search(q, role,
				PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")))));
	}

	@PostMapping("/{id}/deactivation")
	@Operation(summary = "Deactivate an account (admins)",
			description = "It can no longer sign in or refresh; its sessions are revoked (UserSessionsRevoked).",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<Void> deactivate(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		this.accounts.deactivate(id, AuthController.userId(jwt));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}")
	@Operation(summary = "What anyone may see of an account", description = "No email, phone or name.")
	PublicUserView get(@PathVariable UUID id) {
		return this.accounts.publicView(id);
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization userAccess() {
			return requests -> requests.requestMatchers("/api/v1/users/me")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/v1/users")
				.hasAnyRole("ADMIN", "MANAGER")
				.requestMatchers(HttpMethod.POST, "/api/v1/users/*/deactivation")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/users/*")
				.permitAll();
		}

	}

}
