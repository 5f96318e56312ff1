package com.emporium.order.orders;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Orders extends JpaRepository<Order, UUID>, JpaSpecificationExecutor<Order> {

	/** Locks the order until the transaction ends: its status changes one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.id = :id")
	Optional<Order> findLocked(UUID id);

	boolean existsByNumber(String number);

	List<Order> findByCustomerId(UUID customerId);

}
