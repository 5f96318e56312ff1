package com.emporium.user.profiles;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.user.accounts.AccountContact;
import com.emporium.user.accounts.AccountContacts;
import com.emporium.user.accounts.AccountDetailsChanged;
import com.emporium.user.addresses.DefaultAddresses;
import com.emporium.user.addresses.DefaultAddressesChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes {@link UserProfileChanged} when an account or its default addresses change.
 * Synchronous listeners, in the change's transaction (not asynchronous module listeners): the
 * event is in the outbox if and only if the change commits.
 */
@Component
class ProfileAnnouncements {

	private static final Logger log = LoggerFactory.getLogger(ProfileAnnouncements.class);

	private final AccountContacts accounts;

	private final DefaultAddresses addresses;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProfileAnnouncements(AccountContacts accounts, DefaultAddresses addresses, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.addresses = addresses;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountDetailsChanged changed) {
		announce(changed.userId());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(DefaultAddressesChanged changed) {
		announce(changed.userId());
	}

	private void announce(UUID userId) {
		// The version first: its row stays locked until this transaction ends, so a concurrent change
		// of the same user waits here and then reads (and announces) the state with this one in it.
		// Versions therefore follow the order of the commits, and the highest is the newest state.
		long version = nextVersion(userId);
		AccountContact account = this.accounts.find(userId).orElse(null);
		if (account == null || account.deleted()) {
			log.debug("No profile to announce for a missing or deleted account userId={}", userId);
			return;
		}
		DefaultAddresses.Defaults defaults = this.addresses.of(userId);
		this.events.publishEvent(new UserProfileChanged(UUID.randomUUID(), this.clock.instant(), userId,
				account.email(), account.firstName(), account.lastName(),
				UserProfileChanged.ProfileAddress.of(defaults.shipping()),
				UserProfileChanged.ProfileAddress.of(defaults.billing()), version));
		log.info("Profile announced userId={} version={}", userId, version);
	}

	private long nextVersion(UUID userId) {
		return this.jdbc.sql("""
				INSERT INTO profile_versions (user_id, version) VALUES (?, 1)
				ON CONFLICT (user_id) DO UPDATE SET version = profile_versions.version + 1
				RETURNING version""").params(userId).query(Long.class).single();
	}

}
