package com.emporium.user.accounts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The owner's password, to confirm that the owner, not a stolen token, deletes the account. */
record DeleteAccountRequest(@NotNull @Size(max = 1024) String password) {

	@Override
	public String toString() {
		return "DeleteAccountRequest[<hidden>]";
	}

}
