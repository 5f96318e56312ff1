package com.emporium.user.addresses;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Addresses extends JpaRepository<Address, UUID> {

	List<Address> findByUserIdOrderByCreatedAtAscIdAsc(UUID userId);

	Optional<Address> findByIdAndUserId(UUID id, UUID userId);

	long countByUserId(UUID userId);

	@Query("select a from Address a where a.userId = :userId and (a.defaultShipping = true or a.defaultBilling = true)")
	List<Address> findDefaultsOf(UUID userId);

	/** Takes the default shipping flag from every address of the user but {@code keep}. */
	@Modifying(flushAutomatically = true)
	@Query("""
			update Address a set a.defaultShipping = false, a.updatedAt = :now
			where a.userId = :userId and a.id <> :keep and a.defaultShipping = true""")
	int clearDefaultShipping(UUID userId, UUID keep, Instant now);

	/** Takes the default billing flag from every address of the user but {@code keep}. */
	@Modifying(flushAutomatically = true)
	@Query("""
			update Address a set a.defaultBilling = false, a.updatedAt = :now
			where a.userId = :userId and a.id <> :keep and a.defaultBilling = true""")
	int clearDefaultBilling(UUID userId, UUID keep, Instant now);

	@Modifying(flushAutomatically = true)
	@Query("delete from Address a where a.userId = :userId")
	int deleteAllOf(UUID userId);

}
