package com.emporium.user.accounts;

/**
 * What a user may do. Anyone may register as a customer or vendor; managers and admins are made
 * by an admin (the first one from configuration).
 */
enum Role {

	CUSTOMER, VENDOR, MANAGER, ADMIN

}
