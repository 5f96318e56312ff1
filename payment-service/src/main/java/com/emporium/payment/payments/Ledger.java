package com.emporium.payment.payments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.Caller;
import com.emporium.platform.web.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads payments for their customers and the shop's staff. */
@Service
public class Ledger {

	private final Payments payments;

	private final Refunds refunds;

	Ledger(Payments payments, Refunds refunds) {
		this.payments = payments;
		this.refunds = refunds;
	}

	/** A payment its customer or staff may see; anyone else gets the 404 an unknown id gets. */
	@Transactional(readOnly = true)
	public PaymentView get(Caller caller, UUID id) {
		Payment payment = this.payments.findById(id)
			.filter(found -> caller.isStaff() || caller.is(found.customerId()))
			.orElseThrow(() -> new NotFoundException("Payment", id));
		return PaymentView.of(payment, this.refunds.findByPaymentIdOrderByCreatedAtAscIdAsc(id));
	}

	/** Criteria of a list; null ones do not filter. {@code from} inclusive, {@code to} exclusive, on creation. */
	record Filter(@Nullable UUID customerId, @Nullable UUID orderId, @Nullable PaymentStatus status,
			@Nullable PaymentMethod method, @Nullable Instant from, @Nullable Instant to) {
	}

	/** Payments matching the filter, newest first. */
	@Transactional(readOnly = true)
	public Page<PaymentView> list(Filter filter, Pageable page) {
		Specification<Payment> where = (root, query, criteria) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (filter.customerId() != null) {
				predicates.add(criteria.equal(root.get("customerId"), filter.customerId()));
			}
			if (filter.orderId() != null) {
				predicates.add(criteria.equal(root.get("orderId"), filter.orderId()));
			}
			if (filter.status() != null) {
				predicates.add(criteria.equal(root.get("status"), filter.status()));
			}
			if (filter.method() != null) {
				predicates.add(criteria.equal(root.get("method"), filter.method()));
			}
			if (filter.from() != null) {
				predicates.add(criteria.greaterThanOrEqualTo(root.get("createdAt"), filter.from()));
			}
			if (filter.to() != null) {
				predicates.add(criteria.lessThan(root.get("createdAt"), filter.to()));
			}
			query.orderBy(criteria.desc(root.get("createdAt")), criteria.desc(root.get("id")));
			return criteria.and(predicates.toArray(Predicate[]::new));
		};
		Page<Payment> found = this.payments.findAll(where, page);
		Map<UUID, List<Refund>> refunds = this.refunds
			.findByPaymentIdIn(found.getContent().stream().map(Payment::id).toList())
			.stream()
			.sorted(Comparator.comparing(Refund::createdAt))
			.collect(Collectors.groupingBy(Refund::paymentId));
		return found.map(payment -> PaymentView.of(payment, refunds.getOrDefault(payment.id(), List.of())));
	}

}
