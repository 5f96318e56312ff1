package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import com.emporium.order.Recommendation;

/**
 * An order. Its status changes only through {@link #transition}, which follows
 * {@link OrderStatus}'s table and records each change in the history; an order is refunded only if
 * it was paid.
 */
@Entity
@Table(name = "orders")
class Order {

	@Id
	private UUID id;

	private String number;

	@Column(name = "customer_id")
	private UUID customerId;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private String currency;

	private BigDecimal subtotal;

	private BigDecimal tax;

	private BigDecimal shipping;

	private BigDecimal total;

	@Enumerated(EnumType.STRING)
	@Column(name = "payment_method")
	private PaymentMethod paymentMethod;

	@Convert(converter = AddressConverter.class)
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(name = "shipping_address")
	private Address shippingAddress;

	@Convert(converter = AddressConverter.class)
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(name = "billing_address")
	private Address billingAddress;

	private @Nullable String notes;

	@Column(name = "recommendation_source")
	private @Nullable String recommendationSource;

	@Column(name = "recommendation_id")
	private @Nullable String recommendationId;

	@Column(name = "cancellation_reason")
	private @Nullable String cancellationReason;

	@Column(name = "refund_due")
	private boolean refundDue;

	@Column(name = "refunded_amount")
	private BigDecimal refundedAmount = BigDecimal.ZERO;

	/** The refunds payment-service reported, by refund id: their sum is {@link #refundedAmount}. */
	@ElementCollection
	@CollectionTable(name = "order_refunds", joinColumns = @JoinColumn(name = "order_id"))
	@MapKeyColumn(name = "refund_id")
	@Column(name = "amount")
	private Map<String, BigDecimal> refunds = new HashMap<>();

	@OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	@BatchSize(size = 100)
	private List<OrderLine> lines = new ArrayList<>();

	@OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("at, id")
	@BatchSize(size = 100)
	private List<StatusChange> history = new ArrayList<>();

	@Column(name = "placed_at")
	private Instant placedAt;

	@Column(name = "paid_at")
	private @Nullable Instant paidAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected Order() {
		// for JPA
	}

	Order(String number, UUID customerId, String currency, PaymentMethod paymentMethod, Address shippingAddress,
			Address billingAddress, @Nullable String notes, @Nullable String recommendationSource,
			@Nullable String recommendationId, Instant now) {
		this.id = UUID.randomUUID();
		this.number = number;
		this.customerId = customerId;
		this.status = OrderStatus.PENDING;
		this.currency = currency;
		this.paymentMethod = paymentMethod;
		this.shippingAddress = shippingAddress;
		this.billingAddress = billingAddress;
		this.notes = notes;
		this.recommendationSource = recommendationSource;
		this.recommendationId = recommendationId;
		this.placedAt = now;
		this.updatedAt = now;
		this.subtotal = BigDecimal.ZERO;
		this.tax = BigDecimal.ZERO;
		this.shipping = BigDecimal.ZERO;
		this.total = BigDecimal.ZERO;
		this.history.add(new StatusChange(this, null, OrderStatus.PENDING, now, "customer", null));
	}

	/** @param recommendation the recommendation credited with the line, or null */
	void addLine(UUID productId, String sku, String name, BigDecimal unitPrice, int quantity,
			@Nullable Recommendation recommendation) {
		this.lines.add(new OrderLine(this, this.lines.size(), productId, sku, name, unitPrice, quantity,
				recommendation));
	}

	/** Sets the totals once the lines are in: tax and shipping as computed from the subtotal. */
	void price(BigDecimal subtotal, BigDecimal tax, BigDecimal shipping) {
		this.subtotal = subtotal;
		this.tax = tax;
		this.shipping = shipping;
		this.total = subtotal.add(tax).add(shipping);
	}

	/**
	 * Moves the order to {@code next}, if the table allows it, and records why.
	 * @param by who or what moved it ({@code customer}, {@code staff:<id>}, {@code event:StockReserved})
	 * @throws IllegalTransitionException if it does not
	 */
	void transition(OrderStatus next, String by, @Nullable String note, Instant now) {
		if (!this.status.canBecome(next) || (next == OrderStatus.REFUNDED && this.paidAt == null)) {
			throw new IllegalTransitionException(this.status, next);
		}
		this.history.add(new StatusChange(this, this.status, next, now, by, note));
		this.status = next;
		this.updatedAt = now;
		if (next == OrderStatus.CONFIRMED) {
			this.paidAt = now;
		}
		if (next == OrderStatus.CANCELLED) {
			this.cancellationReason = note;
			this.refundDue = this.paidAt != null;
		}
		if (next == OrderStatus.REFUNDED) {
			this.refundDue = false;
		}
	}

	/**
	 * A payment arrived for an order already cancelled (its reservation expired, or its customer
	 * cancelled while paying): the money is due back.
	 */
	void paidAfterCancellation(String by, Instant now) {
		if (this.status != OrderStatus.CANCELLED || this.paidAt != null) {
			throw new IllegalTransitionException(this.status, OrderStatus.CANCELLED);
		}
		this.paidAt = now;
		this.refundDue = true;
		this.updatedAt = now;
		this.history.add(new StatusChange(this, OrderStatus.CANCELLED, OrderStatus.CANCELLED, now, by,
				"Paid after cancellation: refund due"));
	}

	/**
	 * Counts a refund payment-service reported into {@link #refundedAmount}, once per refund id.
	 * @return false if that refund was counted already
	 */
	boolean countRefund(String refundId, BigDecimal amount) {
		if (this.refunds.putIfAbsent(refundId, amount) != null) {
			return false;
		}
		this.refundedAmount = this.refundedAmount.add(amount);
		return true;
	}

	/** The refunds counted add up to the total (or more). */
	boolean refundedInFull() {
		return this.refundedAmount.compareTo(this.total) >= 0;
	}

	/**
	 * A refund that leaves the status as it is (part of a delivered order's total): recorded in the
	 * history only.
	 */
	void recordRefund(String by, String note, Instant now) {
		this.history.add(new StatusChange(this, this.status, this.status, now, by, note));
		this.updatedAt = now;
	}

	/**
	 * Forgets what identifies the customer (their account was deleted): names, streets, cities and
	 * postal codes of both addresses, the order notes and what the customer wrote in the history.
	 * Keeps the country (it set the tax rate), the lines, amounts and the customer's id.
	 */
	void erasePersonalData(Instant now) {
		this.shippingAddress = Address.erased(this.shippingAddress);
		this.billingAddress = Address.erased(this.billingAddress);
		this.notes = null;
		boolean cancelledByCustomer = this.history.stream()
			.anyMatch(change -> change.to() == OrderStatus.CANCELLED && "customer".equals(change.by()));
		if (cancelledByCustomer) {
			this.cancellationReason = null;
		}
		this.history.forEach(StatusChange::eraseIfByCustomer);
		this.updatedAt = now;
	}

	boolean can(OrderStatus next) {
		return this.status.canBecome(next) && (next != OrderStatus.REFUNDED || this.paidAt != null);
	}

	UUID id() {
		return this.id;
	}

	String number() {
		return this.number;
	}

	UUID customerId() {
		return this.customerId;
	}

	OrderStatus status() {
		return this.status;
	}

	String currency() {
		return this.currency;
	}

	BigDecimal subtotal() {
		return this.subtotal;
	}

	BigDecimal tax() {
		return this.tax;
	}

	BigDecimal shipping() {
		return this.shipping;
	}

	BigDecimal total() {
		return this.total;
	}

	PaymentMethod paymentMethod() {
		return this.paymentMethod;
	}

	Address shippingAddress() {
		return this.shippingAddress;
	}

	Address billingAddress() {
		return this.billingAddress;
	}

	@Nullable String notes() {
		return this.notes;
	}

	@Nullable String recommendationSource() {
		return this.recommendationSource;
	}

	@Nullable String recommendationId() {
		return this.recommendationId;
	}

	@Nullable String cancellationReason() {
		return this.cancellationReason;
	}

	/** Cancelled after it was paid, and not refunded yet. */
	boolean refundDue() {
		return this.refundDue;
	}

	/** The sum of the refunds payment-service reported. */
	BigDecimal refundedAmount() {
		return this.refundedAmount;
	}

	boolean paid() {
		return this.paidAt != null;
	}

	List<OrderLine> lines() {
		return List.copyOf(this.lines);
	}

	List<StatusChange> history() {
		return List.copyOf(this.history);
	}

	Instant placedAt() {
		return this.placedAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
