package com.emporium.product.wishlists;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.NotFoundException;
import com.emporium.product.catalog.ProductFinder;
import com.emporium.product.catalog.ProductSummary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shoppers' wishlists: adding is idempotent (a product already there stays, with its first date,
 * and publishes nothing), so is removing; each change that happens publishes its event in the same
 * transaction.
 */
@Service
class Wishlists {

	/** The most products one wishlist may have. */
	static final int MAX_ITEMS = 200;

	private static final Logger log = LoggerFactory.getLogger(Wishlists.class);

	private final WishlistItems items;

	private final ProductFinder products;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Wishlists(WishlistItems items, ProductFinder products, ApplicationEventPublisher events, Clock clock) {
		this.items = items;
		this.products = products;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Puts a listed product on the user's wishlist.
	 * @return whether it was added (false: it was there already)
	 */
	@Transactional
	boolean add(UUID userId, UUID productId) {
		if (!this.products.isListed(productId)) {
			throw new NotFoundException("Product", productId);
		}
		Instant now = this.clock.instant();
		if (!this.items.add(userId, productId, now)) {
			return false;
		}
		// Counted after the insert, in its transaction: a full list rolls the insert back.
		if (this.items.count(userId) > MAX_ITEMS) {
			throw new WishlistFullException(MAX_ITEMS);
		}
		this.events.publishEvent(new WishlistItemAdded(UUID.randomUUID(), now, userId, productId));
		log.info("Wishlist item added userId={} productId={}", userId, productId);
		return true;
	}

	/** Takes a product off the user's wishlist, if it is there. */
	@Transactional
	void remove(UUID userId, UUID productId) {
		if (this.items.remove(userId, productId)) {
			this.events.publishEvent(new WishlistItemRemoved(UUID.randomUUID(), this.clock.instant(), userId, productId));
			log.info("Wishlist item removed userId={} productId={}", userId, productId);
		}
	}

	/** The user's wishlist, newest first; deleted products are left out. */
	@Transactional(readOnly = true)
	List<WishlistItem> of(UUID userId) {
		return this.products.withSummaries(this.items.of(userId), WishlistItems.Entry::productId,
				(entry, product) -> new WishlistItem(entry.addedAt(), product));
	}

	/** A product on a wishlist, and since when. */
	record WishlistItem(Instant addedAt, ProductSummary product) {
	}

}
