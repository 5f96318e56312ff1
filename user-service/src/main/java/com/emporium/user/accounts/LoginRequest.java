package com.emporium.user.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sign-in with an email or a username. */
record LoginRequest(@NotBlank @Size(max = 254) String login, @NotNull @Size(max = 1024) String password) {

	@Override
	public String toString() {
		return "LoginRequest[login=<hidden>]";
	}

}
