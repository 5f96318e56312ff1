package com.emporium.user.accounts;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.NotFoundException;
import com.emporium.user.keys.AccessToken;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Registration, sign-in, token refresh and sign-out")
class AuthController {

	static final String PROBLEM_JSON = "application/problem+json";

	static final String PROBLEM = "#/components/schemas/Problem";

	private final Accounts accounts;

	private final Sessions sessions;

	AuthController(Accounts accounts, Sessions sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
	}

	@PostMapping("/register")
	@ApiResponse(responseCode = "201", description = "The account")
	@ApiResponse(responseCode = "409", description = "The email or username is taken (account-exists).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Open a customer or vendor account",
			description = "A vendor's registration publishes UserRegistered. 409 when the email or username is taken.")
	ResponseEntity<UserView> register(@Valid @RequestBody RegisterRequest request) {
		UserView user = this.accounts.register(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
	}

	@GetMapping("/username-availability")
	@Operation(summary = "Whether a username is still free")
	UsernameAvailability usernameAvailability(@RequestParam @NotNull @Pattern(regexp = Accounts.USERNAME,
			message = "must be 3 to 30 letters, digits, '.', '_' or '-'") String username) {
		return new UsernameAvailability(username, this.accounts.usernameAvailable(username));
	}

	@PostMapping("/login")
	@ApiResponse(responseCode = "200", description = "Tokens")
	@ApiResponse(responseCode = "401", description = "Wrong login or password (invalid-credentials).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "429", description = "Too many failed sign-ins (too-many-attempts); see Retry-After.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Sign in with an email or username and a password",
			description = "429 with Retry-After after repeated failures with one login or from one address.")
	TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		// The client's address: behind the gateway, from X-Forwarded-For (server.forward-headers-strategy).
		return this.sessions.login(request.login(), request.password(), http.getRemoteAddr());
	}

	@PostMapping("/refresh")
	@ApiResponse(responseCode = "200", description = "New tokens")
	@ApiResponse(responseCode = "401",
			description = "Unknown, expired, revoked or already used refresh token (invalid-refresh-token).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Exchange a refresh token for new tokens",
			description = "The refresh token is rotated: presenting it again revokes every token of that sign-in.")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
		return this.sessions.refresh(request.refreshToken());
	}

	@PostMapping("/logout")
	@Operation(summary = "Sign out this session",
			description = "Revokes the refresh token's session and publishes AccessTokenRevoked for the bearer token.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt,
			@Valid @RequestBody(required = false) @Nullable RefreshRequest request) {
		UUID userId = userId(jwt);
		this.sessions.logout(new AccessToken(jwt.getTokenValue(), String.valueOf(jwt.getId()), userId,
				jwt.getIssuedAt(), jwt.getExpiresAt()), (request != null) ? request.refreshToken() : null);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/logout-all")
	@Operation(summary = "Sign out everywhere",
			description = "Revokes every refresh token of the caller and publishes UserSessionsRevoked.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<Void> logoutAll(@AuthenticationPrincipal Jwt jwt) {
		this.sessions.logoutEverywhere(userId(jwt));
		return ResponseEntity.noContent().build();
	}

	/** The caller, from the token's {@code sub}. */
	static UUID userId(Jwt jwt) {
		try {
			return UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new NotFoundException("User", String.valueOf(jwt.getSubject()));
		}
	}

	record UsernameAvailability(String username, boolean available) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization authAccess() {
			return requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/auth/username-availability")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/logout", "/api/v1/auth/logout-all")
				.authenticated();
		}

	}

}
