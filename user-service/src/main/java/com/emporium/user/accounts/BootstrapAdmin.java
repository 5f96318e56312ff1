package com.emporium.user.accounts;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the configured first admin when there is no admin yet. A password that breaks the policy
 * stops the start-up: a weak admin password must not go live. When two replicas start together,
 * the unique email index lets one win; the other logs and carries on.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final BootstrapAdminProperties properties;

	private final Accounts accounts;

	BootstrapAdmin(BootstrapAdminProperties properties, Accounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		String email = this.properties.email();
		String password = this.properties.password();
		if (email == null || email.isBlank() || password == null || password.isEmpty()) {
			return;
		}
		if (this.accounts.adminExists()) {
			return;
		}
		try {
			User admin = this.accounts.createAdmin(email.strip().toLowerCase(Locale.ROOT), this.properties.username(),
					password);
			log.info("Bootstrap admin created userId={}", admin.id());
		}
		catch (AccountExistsException ex) {
			log.warn("Bootstrap admin not created: its email or username is taken (another replica, or a user)");
		}
	}

}
