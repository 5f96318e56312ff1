package com.emporium.product.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Products extends JpaRepository<Product, UUID> {

	@Query("select p from Product p where p.id = :id and p.deletedAt is null")
	Optional<Product> findLive(UUID id);

	/** Locks the row until the transaction ends: changes to one product are serialised. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.id = :id and p.deletedAt is null")
	Optional<Product> findLockedLive(UUID id);

	@Query("select p from Product p where p.id in :ids")
	List<Product> findAllByIds(Collection<UUID> ids);

	@Query("select count(p) > 0 from Product p where p.storeId = :storeId and p.deletedAt is null")
	boolean existsLiveInStore(UUID storeId);

	@Query("select count(p) > 0 from Product p where p.categoryId = :categoryId and p.deletedAt is null")
	boolean existsLiveInCategory(UUID categoryId);

}
