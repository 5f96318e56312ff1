package com.emporium.order.cart;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface Carts extends JpaRepository<Cart, UUID> {

	/** A user's cart, locked until the transaction ends: changes to one cart are serialised. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Cart c where c.ownerId = :ownerId and c.tokenHash is null")
	Optional<Cart> findLockedByOwner(UUID ownerId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Cart c where c.tokenHash = :tokenHash")
	Optional<Cart> findLockedByTokenHash(String tokenHash);

	/** Creates a user's cart unless it exists; the unique index decides between concurrent requests. */
	@Modifying
	@NativeQuery("""
			INSERT INTO carts (id, owner_id, created_at, updated_at, version)
			VALUES (:id, :ownerId, :now, :now, 0)
			ON CONFLICT (owner_id) WHERE token_hash IS NULL DO NOTHING""")
	int createForOwner(UUID id, UUID ownerId, Instant now);

	/**
	 * Deletes up to {@code batchSize} guest carts (a token, no owner: neither users' carts nor guest carts
	 * merged into one) last changed before {@code before}, lines included, in a transaction of its
	 * own. Rows another transaction holds (a request changing the cart, another instance's run) are
	 * skipped, not waited for.
	 * @return how many were deleted
	 */
	@Transactional
	@Modifying
	@NativeQuery("""
			DELETE FROM carts WHERE id IN (
			    SELECT id FROM carts
			    WHERE owner_id IS NULL AND token_hash IS NOT NULL AND updated_at < :before
			    LIMIT :batchSize
			    FOR UPDATE SKIP LOCKED)""")
	int deleteGuestCartsChangedBefore(Instant before, int batchSize);

	/** Deletes every cart a user owns (their own, and guest carts merged into it), lines included. */
	@Modifying
	@NativeQuery("DELETE FROM carts WHERE owner_id = :ownerId")
	int deleteByOwner(UUID ownerId);

}
