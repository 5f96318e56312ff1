package com.emporium.product.categories;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Categories extends JpaRepository<Category, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Category c where c.id = :id")
	Optional<Category> findLockedForUpdate(UUID id);

	/** A shared lock until the transaction ends: the category cannot be deleted meanwhile. */
	@Lock(LockModeType.PESSIMISTIC_READ)
	@Query("select c from Category c where c.id = :id")
	Optional<Category> findLockedForShare(UUID id);

	boolean existsByParentId(UUID parentId);

	List<Category> findAllByOrderByNameAscIdAsc();

	/** The category and everything beneath it. UNION, not UNION ALL: it ends even on a cycle. */
	@Query(value = """
			WITH RECURSIVE subtree (id) AS (
			    SELECT id FROM categories WHERE id = :id
			    UNION
			    SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id)
			SELECT id FROM subtree""", nativeQuery = true)
	List<UUID> findSubtreeIds(UUID id);

}
