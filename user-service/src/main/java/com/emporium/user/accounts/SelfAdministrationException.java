package com.emporium.user.accounts;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An admin tried to deactivate or delete their own account or to drop their own ADMIN role. Refused
 * so that an admin cannot lock themselves out, and so that the shop always keeps at least the admin
 * who acts.
 */
class SelfAdministrationException extends ProblemException {

	SelfAdministrationException(String what) {
		super(HttpStatus.CONFLICT, "conflict", "Admins cannot %s; another admin can.".formatted(what));
	}

}
