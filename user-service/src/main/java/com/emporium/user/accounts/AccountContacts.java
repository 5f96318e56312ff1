package com.emporium.user.accounts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads accounts' contact details for the other features of this service. */
@Service
public class AccountContacts {

	private final Users users;

	AccountContacts(Users users) {
		this.users = users;
	}

	/** The account as the current transaction sees it (its own changes included), if there is one. */
	@Transactional
	public Optional<AccountContact> find(UUID userId) {
		return this.users.findById(userId)
			.map(Accounts::contact);
	}

}
