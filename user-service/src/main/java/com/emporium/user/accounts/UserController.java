package com.emporium.user.accounts;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import com.emporium.platform.security.EndpointAuthorization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.user.accounts.AuthController.PROBLEM;
import static com.emporium.user.accounts.AuthController.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Profiles")
class UserController {

	private final Accounts accounts;

	UserController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/me")
	@Operation(summary = "The caller's own account",
			description = "With preferences, the permissions of the caller's roles, and when the account and the "
					+ "username last changed.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	UserView me(@AuthenticationPrincipal Jwt jwt) {
		return this.accounts.me(AuthController.userId(jwt));
	}

	@PatchMapping("/me")
	@Operation(summary = "Change the caller's name, phone or preferences",
			description = "Fields left out stay as they are; an empty phone removes it. preferences, when sent, "
					+ "replace the stored preferences as a whole (what they leave out becomes empty, none or false): "
					+ "interests (at most 20, each up to 40 characters), favouriteCategories (at most 20 category "
					+ "slugs), priceRange ({min, max, currency}: amounts of at least 0 with up to 2 decimals, "
					+ "min <= max, an ISO 4217 currency) and newsletter.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	UserView changeMe(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody UpdateProfileRequest request) {
		return this.accounts.changeProfile(AuthController.userId(jwt), request);
	}

	@PutMapping("/me/username")
	@ApiResponse(responseCode = "200", description = "The account with its new username")
	@ApiResponse(responseCode = "409", description = "Another account has this username, in any case (account-exists).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Change the caller's username",
			description = "The rules of registration: 3 to 30 letters, digits, '.', '_' or '-', unique regardless "
					+ "of case. Sets usernameChangedAt.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	UserView changeUsername(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangeUsernameRequest request) {
		return this.accounts.changeUsername(AuthController.userId(jwt), request.username());
	}

	@DeleteMapping("/me")
	@ApiResponse(responseCode = "204", description = "The account is deleted")
	@ApiResponse(responseCode = "401",
			description = "No valid bearer token (unauthenticated), or the password is wrong (invalid-credentials).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409", description = "Admins cannot delete their own account (conflict).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "429", description = "Too many wrong passwords (too-many-attempts); see Retry-After.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Delete the caller's account, confirming with the password",
			description = "The account's id stays (orders name it); its email, username, names, phone, preferences "
					+ "and addresses are erased, no password works any more and every session ends. Publishes "
					+ "UserSessionsRevoked and UserDeleted. Wrong passwords count towards the sign-in lock-out.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<Void> deleteMe(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody DeleteAccountRequest request,
			HttpServletRequest http) {
		this.accounts.deleteOwn(AuthController.userId(jwt), request.password(), http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}")
	@Operation(summary = "What anyone may see of an account",
			description = "No email, phone or name. 404 for deactivated and deleted accounts.")
	PublicUserView get(@PathVariable UUID id) {
		return this.accounts.publicView(id);
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization userAccess() {
			return requests -> requests.requestMatchers("/api/v1/users/me", "/api/v1/users/me/**")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/v1/users/*")
				.permitAll();
		}

	}

}
