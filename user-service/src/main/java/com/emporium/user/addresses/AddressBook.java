package com.emporium.user.addresses;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.NotFoundException;
import com.emporium.platform.web.ProblemException;
import com.emporium.user.accounts.UserDeleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' addresses. Writes to one user's book are serialised by a transaction-scoped advisory lock
 * on the user id, so the size limit and the one-default rule hold under concurrent requests (the
 * partial unique indexes are the last line, answered as a 409 should they ever fire).
 */
@Service
class AddressBook {

	static final int MAX_PER_USER = 20;

	/** The first key of this feature's two-key advisory locks ("Addr"); the second is the user's. */
	private static final int LOCK_NAMESPACE = 0x41646472;

	private static final Logger log = LoggerFactory.getLogger(AddressBook.class);

	private final Addresses addresses;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AddressBook(Addresses addresses, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.addresses = addresses;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Oldest first. */
	@Transactional(readOnly = true)
	List<AddressView> list(UUID userId) {
		return this.addresses.findByUserIdOrderByCreatedAtAscIdAsc(userId).stream().map(AddressView::of).toList();
	}

	@Transactional(readOnly = true)
	AddressView get(UUID userId, UUID addressId) {
		return AddressView.of(find(userId, addressId));
	}

	/**
	 * @throws AddressBookFullException when the user has {@link #MAX_PER_USER} addresses already
	 */
	@Transactional
	AddressView add(UUID userId, AddressRequest request) {
		lock(userId);
		if (this.addresses.countByUserId(userId) >= MAX_PER_USER) {
			throw new AddressBookFullException(MAX_PER_USER);
		}
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		takeDefaults(userId, id, request, now);
		Address address = new Address(id, userId, request, now);
		save(address);
		if (address.defaultShipping() || address.defaultBilling()) {
			this.events.publishEvent(new DefaultAddressesChanged(userId));
		}
		log.info("Address added userId={} addressId={}", userId, id);
		return AddressView.of(address);
	}

	@Transactional
	AddressView replace(UUID userId, UUID addressId, AddressRequest request) {
		lock(userId);
		Address address = find(userId, addressId);
		boolean wasDefault = address.defaultShipping() || address.defaultBilling();
		Instant now = this.clock.instant();
		// Before the address changes: the flags must leave the others before this one takes them.
		takeDefaults(userId, addressId, request, now);
		address.replace(request, now);
		save(address);
		if (wasDefault || address.defaultShipping() || address.defaultBilling()) {
			this.events.publishEvent(new DefaultAddressesChanged(userId));
		}
		log.info("Address replaced userId={} addressId={}", userId, addressId);
		return AddressView.of(address);
	}

	@Transactional
	void remove(UUID userId, UUID addressId) {
		lock(userId);
		Address address = find(userId, addressId);
		this.addresses.delete(address);
		this.addresses.flush();
		if (address.defaultShipping() || address.defaultBilling()) {
			this.events.publishEvent(new DefaultAddressesChanged(userId));
		}
		log.info("Address removed userId={} addressId={}", userId, addressId);
	}

	/**
	 * Erases a deleted account's addresses. Synchronous, in the deletion's transaction (not an
	 * asynchronous module listener): the account and its personal data go together or not at all.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UserDeleted deleted) {
		lock(deleted.userId());
		int erased = this.addresses.deleteAllOf(deleted.userId());
		log.info("Addresses erased userId={} addresses={}", deleted.userId(), erased);
	}

	/** Someone else's address is as unknown as one that does not exist. */
	private Address find(UUID userId, UUID addressId) {
		return this.addresses.findByIdAndUserId(addressId, userId)
			.orElseThrow(() -> new NotFoundException("Address", addressId));
	}

	private void takeDefaults(UUID userId, UUID addressId, AddressRequest request, Instant now) {
		if (request.shipsByDefault()) {
			this.addresses.clearDefaultShipping(userId, addressId, now);
		}
		if (request.billsByDefault()) {
			this.addresses.clearDefaultBilling(userId, addressId, now);
		}
	}

	private void save(Address address) {
		try {
			this.addresses.saveAndFlush(address);
		}
		catch (DataIntegrityViolationException ex) {
			throw new ProblemException(HttpStatus.CONFLICT, "conflict",
					"The address book changed at the same time; read it again and retry.");
		}
	}

	private void lock(UUID userId) {
		this.jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?, hashtext(?))) AS locked")
			.params(LOCK_NAMESPACE, userId.toString())
			.query(Integer.class)
			.single();
	}

}
