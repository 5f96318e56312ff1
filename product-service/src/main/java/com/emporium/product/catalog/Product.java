package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A product of the catalog. Changes only through its methods. */
@Entity
@Table(name = "products")
class Product {

	@Id
	private UUID id;

	private String name;

	private @Nullable String description;

	@Column(name = "price_amount")
	private BigDecimal priceAmount;

	@Column(name = "price_currency")
	private String priceCurrency;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	protected Product() {
		// for JPA
	}

	Product(UUID id, String name, @Nullable String description, Money price, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.description = description;
		this.priceAmount = price.amount();
		this.priceCurrency = price.currency();
		this.createdAt = createdAt;
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	@Nullable String description() {
		return this.description;
	}

	Money price() {
		return new Money(this.priceAmount, this.priceCurrency);
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
