package com.emporium.user.accounts;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.user.bootstrap-admin.*}: the first admin, created at start-up when no admin
 * exists and both email and password are set (from the environment:
 * {@code EMPORIUM_BOOTSTRAP_ADMIN_EMAIL}, {@code EMPORIUM_BOOTSTRAP_ADMIN_PASSWORD}). Change the
 * password after the first sign-in; the setting is ignored once an admin exists.
 *
 * @param email the admin's email
 * @param password the admin's password (must pass the password policy)
 * @param username the admin's username
 */
@ConfigurationProperties("emporium.user.bootstrap-admin")
record BootstrapAdminProperties(@Nullable String email, @Nullable String password,
		@DefaultValue("admin") String username) {

	@Override
	public String toString() {
		return "BootstrapAdminProperties[email=%s, username=%s]".formatted(this.email, this.username);
	}

}
