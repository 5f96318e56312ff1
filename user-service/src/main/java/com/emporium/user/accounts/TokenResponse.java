package com.emporium.user.accounts;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to a sign-in or refresh, shaped like an OAuth 2.0 token response (RFC 6749 5.1). */
record TokenResponse(@JsonProperty("access_token") String accessToken,
		@JsonProperty("refresh_token") String refreshToken, @JsonProperty("token_type") String tokenType,
		@JsonProperty("expires_in") long expiresIn, SignedInUser user) {

	@Override
	public String toString() {
		return "TokenResponse[user=%s]".formatted(this.user.id());
	}

	/** Who signed in. */
	record SignedInUser(UUID id, String username, String email, List<String> roles) {

		static SignedInUser of(User user) {
			return new SignedInUser(user.id(), user.username(), user.email(), user.roles());
		}

	}

}
