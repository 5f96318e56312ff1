package com.emporium.order.orders;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import com.emporium.order.Recommendation;

/**
 * One line of an order: its own copy of the product's name, SKU and price at checkout, and the
 * recommendation credited with it (its cart line's, else the checkout's; both columns or neither).
 */
@Entity
@Table(name = "order_lines")
class OrderLine {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "order_id")
	private Order order;

	private int position;

	@Column(name = "product_id")
	private UUID productId;

	private String sku;

	private String name;

	@Column(name = "unit_price")
	private BigDecimal unitPrice;

	private int quantity;

	@Column(name = "line_total")
	private BigDecimal lineTotal;

	@Column(name = "recommendation_source")
	private @Nullable String recommendationSource;

	@Column(name = "recommendation_id")
	private @Nullable String recommendationId;

	protected OrderLine() {
		// for JPA
	}

	OrderLine(Order order, int position, UUID productId, String sku, String name, BigDecimal unitPrice,
			int quantity, @Nullable Recommendation recommendation) {
		this.id = UUID.randomUUID();
		this.order = order;
		this.position = position;
		this.productId = productId;
		this.sku = sku;
		this.name = name;
		this.unitPrice = unitPrice;
		this.quantity = quantity;
		this.lineTotal = unitPrice.multiply(BigDecimal.valueOf(quantity));
		if (recommendation != null) {
			this.recommendationSource = recommendation.source();
			this.recommendationId = recommendation.id();
		}
	}

	UUID productId() {
		return this.productId;
	}

	String sku() {
		return this.sku;
	}

	String name() {
		return this.name;
	}

	BigDecimal unitPrice() {
		return this.unitPrice;
	}

	int quantity() {
		return this.quantity;
	}

	BigDecimal lineTotal() {
		return this.lineTotal;
	}

	/** The recommendation credited with this line, or null (none, or a line placed before lines kept one). */
	@Nullable Recommendation recommendation() {
		return (this.recommendationSource != null && this.recommendationId != null)
				? new Recommendation(this.recommendationSource, this.recommendationId) : null;
	}

}
