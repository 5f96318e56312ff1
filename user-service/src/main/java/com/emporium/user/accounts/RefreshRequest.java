package com.emporium.user.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token to exchange (or, at sign-out, to revoke). */
record RefreshRequest(@JsonProperty("refresh_token") @NotBlank @Size(max = 128) String refreshToken) {

	@Override
	public String toString() {
		return "RefreshRequest[<hidden>]";
	}

}
