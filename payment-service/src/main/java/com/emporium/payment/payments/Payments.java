package com.emporium.payment.payments;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Payments extends JpaRepository<Payment, UUID>, JpaSpecificationExecutor<Payment> {

	/** Locks the payment until the transaction ends: charges and refunds of it go one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.id = :id")
	Optional<Payment> findLocked(UUID id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.orderId = :orderId")
	Optional<Payment> findLockedByOrderId(UUID orderId);

	Optional<Payment> findByOrderId(UUID orderId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.processorId = :processorId")
	Optional<Payment> findLockedByProcessorId(String processorId);

}
