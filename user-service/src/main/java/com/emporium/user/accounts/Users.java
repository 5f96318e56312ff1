package com.emporium.user.accounts;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Users extends JpaRepository<User, UUID> {

	Optional<User> findByEmail(String email);

	@Query("select u from User u where lower(u.username) = lower(:username)")
	Optional<User> findByUsername(String username);

	@Query("select count(u) > 0 from User u where lower(u.username) = lower(:username)")
	boolean usernameTaken(String username);

	boolean existsByRole(Role role);

	/** Accounts whose email or username contains {@code text} (a LIKE pattern, lower case), of a role. */
	@Query("""
			select u from User u
			where (:pattern is null or lower(u.email) like :pattern escape '\\' or lower(u.username) like :pattern escape '\\')
			and (:role is null or u.role = :role)""")
	Page<User> search(@Nullable String pattern, @Nullable Role role, Pageable pageable);

}
