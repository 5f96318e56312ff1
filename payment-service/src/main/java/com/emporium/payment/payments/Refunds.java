package com.emporium.payment.payments;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Refunds extends JpaRepository<Refund, UUID> {

	List<Refund> findByPaymentIdOrderByCreatedAtAscIdAsc(UUID paymentId);

	List<Refund> findByPaymentIdIn(Collection<UUID> paymentIds);

	boolean existsByProcessorRefundId(String processorRefundId);

	long countByPaymentId(UUID paymentId);

}
