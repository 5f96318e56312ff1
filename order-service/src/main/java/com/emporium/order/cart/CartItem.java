package com.emporium.order.cart;

import java.math.BigDecimal;
import java.time.Instant;
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
 * One line of a cart: a product variant, how many, its price when it was first added, and the
 * recommendation that led to it, if any (the first one it got: later adds do not replace it).
 */
@Entity
@Table(name = "cart_items")
class CartItem {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "cart_id")
	private Cart cart;

	@Column(name = "product_id")
	private UUID productId;

	private String sku;

	private int quantity;

	@Column(name = "price_when_added")
	private BigDecimal priceWhenAdded;

	@Column(name = "added_at")
	private Instant addedAt;

	@Column(name = "recommendation_source")
	private @Nullable String recommendationSource;

	@Column(name = "recommendation_id")
	private @Nullable String recommendationId;

	protected CartItem() {
		// for JPA
	}

	CartItem(Cart cart, UUID productId, String sku, int quantity, BigDecimal priceWhenAdded,
			@Nullable Recommendation recommendation, Instant now) {
		this.id = UUID.randomUUID();
		this.cart = cart;
		this.productId = productId;
		this.sku = sku;
		this.quantity = quantity;
		this.priceWhenAdded = priceWhenAdded;
		this.addedAt = now;
		recommendedBy(recommendation);
	}

	boolean isFor(UUID productId, String sku) {
		return this.productId.equals(productId) && this.sku.equalsIgnoreCase(sku);
	}

	void quantity(int quantity) {
		this.quantity = quantity;
	}

	/** Keeps the recommendation that led to this line, unless it has one already. */
	void recommendedBy(@Nullable Recommendation recommendation) {
		if (recommendation != null && this.recommendationId == null) {
			this.recommendationSource = recommendation.source();
			this.recommendationId = recommendation.id();
		}
	}

	UUID id() {
		return this.id;
	}

	UUID productId() {
		return this.productId;
	}

	String sku() {
		return this.sku;
	}

	int quantity() {
		return this.quantity;
	}

	BigDecimal priceWhenAdded() {
		return this.priceWhenAdded;
	}

	Instant addedAt() {
		return this.addedAt;
	}

	@Nullable Recommendation recommendation() {
		return (this.recommendationSource != null && this.recommendationId != null)
				? new Recommendation(this.recommendationSource, this.recommendationId) : null;
	}

}
