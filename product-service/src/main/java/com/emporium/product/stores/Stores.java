package com.emporium.product.stores;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Stores extends JpaRepository<Store, UUID> {

	@Query("select s from Store s where s.id = :id and s.deletedAt is null")
	Optional<Store> findLive(UUID id);

	/** Locks the row until the transaction ends: store changes and deletion are serialised. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Store s where s.id = :id and s.deletedAt is null")
	Optional<Store> findLockedForUpdate(UUID id);

	/**
	 * A shared lock until the transaction ends: products may be added to the store meanwhile, but it
	 * cannot be deleted (deletion waits and then sees them).
	 */
	@Lock(LockModeType.PESSIMISTIC_READ)
	@Query("select s from Store s where s.id = :id and s.deletedAt is null")
	Optional<Store> findLockedForShare(UUID id);

	@Query("select count(s) > 0 from Store s where s.slug = :slug and s.deletedAt is null")
	boolean slugTaken(String slug);

	@Query("select s.id from Store s where s.slug = :slug and s.deletedAt is null")
	List<UUID> findLiveIdsBySlug(String slug);

	@Query("select s from Store s where s.deletedAt is null and s.active = true")
	Page<Store> findOpen(Pageable pageable);

	@Query("select s from Store s where s.deletedAt is null and s.ownerId = :ownerId")
	Page<Store> findOwnedBy(UUID ownerId, Pageable pageable);

	@Query("select s from Store s where s.deletedAt is null")
	Page<Store> findLiveStores(Pageable pageable);

	@Query("select s.id from Store s where s.deletedAt is null and s.ownerId = :ownerId")
	List<UUID> findIdsOwnedBy(UUID ownerId, Pageable pageable);

}
