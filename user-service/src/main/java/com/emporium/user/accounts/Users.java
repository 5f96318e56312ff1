package com.emporium.user.accounts;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Users extends JpaRepository<User, UUID> {

	Optional<User> findByEmail(String email);

	@Query("select u from User u where lower(u.username) = lower(:username)")
	Optional<User> findByUsername(String username);

	/**
	 * Locks the row until the transaction ends: changes to one account are serialised, so two admins
	 * (or an admin and the owner) never fail each other's optimistic version check.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from User u where u.id = :id")
	Optional<User> findLockedById(UUID id);

	@Query("select count(u) > 0 from User u where lower(u.username) = lower(:username)")
	boolean usernameTaken(String username);

	@Query("select count(u) > 0 from User u join u.roles r where r = :role and u.active = true")
	boolean activeWithRole(Role role);

	/**
	 * Accounts that are not deleted, whose email, username or full name contains {@code pattern} (a
	 * LIKE pattern, lower case), of a role, active or not.
	 */
	@Query("""
			select u from User u
			where u.deletedAt is null
			and (:pattern is null
			     or lower(u.email) like :pattern escape '\\'
			     or lower(u.username) like :pattern escape '\\'
			     or lower(concat(u.firstName, ' ', u.lastName)) like :pattern escape '\\')
			and (:role is null or :role member of u.roles)
			and (:active is null or u.active = :active)""")
	Page<User> search(@Nullable String pattern, @Nullable Role role, @Nullable Boolean active, Pageable pageable);

}
