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

/** One line of an order: its own copy of the product's name, SKU and price at checkout. */
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

	protected OrderLine() {
		// for JPA
	}

	OrderLine(Order order, int position, UUID productId, String sku, String name, BigDecimal unitPrice,
			int quantity) {
		this.id = UUID.randomUUID();
		this.order = order;
		this.position = position;
		this.productId = productId;
		this.sku = sku;
		this.name = name;
		this.unitPrice = unitPrice;
		this.quantity = quantity;
		this.lineTotal = unitPrice.multiply(BigDecimal.valueOf(quantity));
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

}
