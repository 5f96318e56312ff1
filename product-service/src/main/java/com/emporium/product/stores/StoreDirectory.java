package com.emporium.product.stores;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.security.Caller;
import com.emporium.platform.web.NotFoundException;
import com.emporium.platform.web.ProblemException;
import com.emporium.product.AlreadyExistsException;
import com.emporium.product.Slugs;
import com.emporium.product.UniqueViolations;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, changes, lists and deletes stores, and tells the catalog who owns one. A deleted store is
 * gone for everyone (404) but keeps its row, so that its products' rows still name it.
 */
@Service
public class StoreDirectory {

	static final String SLUG_INDEX = "stores_slug_key";

	private static final Logger log = LoggerFactory.getLogger(StoreDirectory.class);

	private final Stores stores;

	private final StoreContents contents;

	private final Clock clock;

	StoreDirectory(Stores stores, StoreContents contents, Clock clock) {
		this.stores = stores;
		this.contents = contents;
		this.clock = clock;
	}

	/**
	 * The owner of a store that is not deleted, holding a shared lock on it until the transaction
	 * ends: a product written meanwhile cannot land in a store being deleted.
	 * @return the owner's user id, or empty when there is no such store
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UUID> lockedOwnerOf(UUID storeId) {
		return this.stores.findLockedForShare(storeId).map(Store::ownerId);
	}

	/** The one store a user owns, or empty when they own none or several. */
	@Transactional(readOnly = true)
	public Optional<UUID> soleStoreOf(UUID ownerId) {
		List<UUID> owned = this.stores.findIdsOwnedBy(ownerId, PageRequest.of(0, 2));
		return (owned.size() == 1) ? Optional.of(owned.getFirst()) : Optional.empty();
	}

	/** The owner of a store that is not deleted, or empty. */
	@Transactional(readOnly = true)
	public Optional<UUID> ownerOf(UUID storeId) {
		return this.stores.findLive(storeId).map(Store::ownerId);
	}

	@Transactional
	StoreView open(CreateStoreRequest request, Caller caller) {
		UUID ownerId = caller.requireUserId();
		if (request.ownerId() != null && !request.ownerId().equals(ownerId)) {
			if (!caller.isAdmin()) {
				throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
						"Only admins may open a store for someone else.");
			}
			ownerId = request.ownerId();
		}
		Store store = new Store(UUID.randomUUID(), ownerId, request.name().strip(), request.slug(),
				blankToNull(request.description()), this.clock.instant());
		saveChecked(store);
		log.info("Store opened storeId={} ownerId={}", store.id(), ownerId);
		return StoreView.of(store);
	}

	/**
	 * Opens a vendor's first store when they register, named after their username; the slug is the
	 * username's, or with a part of the user id when that is taken.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void openDefault(UUID vendorId, String username) {
		String base = Slugs.of(username, 50);
		if (base.length() < 2) {
			base = "store";
		}
		String slug = base;
		if (this.stores.slugTaken(slug)) {
			slug = base + "-" + vendorId.toString().substring(0, 8);
		}
		if (this.stores.slugTaken(slug)) {
			slug = base + "-" + vendorId.toString().replace("-", "");
		}
		String name = username.strip() + "'s store";
		Store store = new Store(UUID.randomUUID(), vendorId, name.substring(0, Math.min(name.length(), 100)), slug,
				null, this.clock.instant());
		// A slug taken between the check and here fails the unique index: the delivery is retried and
		// the next try picks another slug.
		this.stores.saveAndFlush(store);
		log.info("Default store opened storeId={} ownerId={}", store.id(), vendorId);
	}

	/**
	 * A store with this slug, opened for {@code ownerId} unless one is open already (for a catalog
	 * loaded at startup, such as the demo's).
	 * @return its id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID ensureOpen(UUID ownerId, String name, String slug, @Nullable String description) {
		List<UUID> found = this.stores.findLiveIdsBySlug(slug);
		if (!found.isEmpty()) {
			return found.get(0);
		}
		Store store = new Store(UUID.randomUUID(), ownerId, name, slug, description, this.clock.instant());
		this.stores.saveAndFlush(store);
		log.info("Store opened storeId={} ownerId={}", store.id(), ownerId);
		return store.id();
	}

	/**
	 * Stores by name. Shoppers see the active ones; {@code mine} lists the caller's own, inactive
	 * too; admins and managers see every store that is not deleted.
	 */
	@Transactional(readOnly = true)
	Page<StoreView> list(Caller caller, boolean mine, Pageable pageable) {
		Page<Store> page;
		if (mine) {
			page = this.stores.findOwnedBy(caller.requireUserId(), pageable);
		}
		else if (caller.isStaff()) {
			page = this.stores.findLiveStores(pageable);
		}
		else {
			page = this.stores.findOpen(pageable);
		}
		return page.map(StoreView::of);
	}

	/** A store; an inactive one only for its owner, admins and managers. */
	@Transactional(readOnly = true)
	StoreView get(UUID storeId, Caller caller) {
		return this.stores.findLive(storeId)
			.filter(store -> store.active() || store.ownedBy(caller.userId()) || caller.isStaff())
			.map(StoreView::of)
			.orElseThrow(() -> new NotFoundException("Store", storeId));
	}

	@Transactional
	StoreView change(UUID storeId, UpdateStoreRequest request, Caller caller) {
		Store store = this.stores.findLockedForUpdate(storeId)
			.orElseThrow(() -> new NotFoundException("Store", storeId));
		if (!store.ownedBy(caller.userId()) && !caller.isAdmin()) {
			throw new NotStoreOwnerException("change it");
		}
		Instant now = this.clock.instant();
		if (request.name() != null) {
			store.rename(request.name().strip(), now);
		}
		if (request.slug() != null && !request.slug().equals(store.slug())) {
			store.changeSlug(request.slug(), now);
		}
		if (request.description() != null) {
			store.describe(blankToNull(request.description()), now);
		}
		if (request.active() != null && request.active() != store.active()) {
			store.activate(request.active(), now);
			log.info("Store {} storeId={}", request.active() ? "opened" : "closed", storeId);
		}
		saveChecked(store);
		return StoreView.of(store);
	}

	/** Deletes a store that has no products left (listed or not); its slug becomes free. */
	@Transactional
	void delete(UUID storeId, Caller caller) {
		Store store = this.stores.findLockedForUpdate(storeId)
			.orElseThrow(() -> new NotFoundException("Store", storeId));
		if (!store.ownedBy(caller.userId()) && !caller.isAdmin()) {
			throw new NotStoreOwnerException("delete it");
		}
		// Product writes hold a shared lock on the store: this runs after they commit, and sees them.
		if (this.contents.hasProducts(storeId)) {
			throw new StoreNotEmptyException(storeId);
		}
		store.delete(this.clock.instant());
		log.info("Store deleted storeId={}", storeId);
	}

	private void saveChecked(Store store) {
		try {
			this.stores.saveAndFlush(store);
		}
		catch (DataIntegrityViolationException ex) {
			if (UniqueViolations.violates(ex, SLUG_INDEX)) {
				throw new AlreadyExistsException("#/slug", "Another store");
			}
			throw ex;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
