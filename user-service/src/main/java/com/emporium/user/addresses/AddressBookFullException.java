package com.emporium.user.addresses;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The user already has as many addresses as an address book holds. */
class AddressBookFullException extends ProblemException {

	AddressBookFullException(int max) {
		super(HttpStatus.CONFLICT, "conflict",
				"An address book holds at most %d addresses: delete one before adding another.".formatted(max));
		with("maxAddresses", max);
	}

}
