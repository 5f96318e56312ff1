package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * What is stocked and sold of a product: a SKU, its options (size, colour), its own price or the
 * product's, and the stock available. Part of the {@link Product} aggregate; changes through it.
 */
@Entity
@Table(name = "product_variants")
class Variant {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "product_id")
	private Product product;

	private int position;

	private String sku;

	@Convert(converter = JsonColumns.KeyValuesConverter.class)
	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, String> options = new TreeMap<>();

	@Column(name = "price_amount")
	private @Nullable BigDecimal priceAmount;

	private int stock;

	/** False once the product is deleted: its SKUs are free again. */
	private boolean live = true;

	protected Variant() {
		// for JPA
	}

	Variant(Product product, VariantSpec spec, int position) {
		this.id = UUID.randomUUID();
		this.product = product;
		this.position = position;
		this.sku = spec.sku();
		this.options = new TreeMap<>(spec.options());
		this.priceAmount = spec.priceAmount();
		this.stock = spec.stock();
	}

	/** Takes the spec's options, price and stock; the SKU may change case. */
	void update(VariantSpec spec, int position) {
		this.sku = spec.sku();
		this.position = position;
		this.options = new TreeMap<>(spec.options());
		this.priceAmount = spec.priceAmount();
		this.stock = spec.stock();
	}

	void restock(int stock) {
		if (stock < 0) {
			throw new IllegalArgumentException("Stock cannot be negative");
		}
		this.stock = stock;
	}

	void retire() {
		this.live = false;
	}

	String sku() {
		return this.sku;
	}

	Map<String, String> options() {
		return this.options;
	}

	/** Its own price, or null for the product's. */
	@Nullable BigDecimal priceAmount() {
		return this.priceAmount;
	}

	int stock() {
		return this.stock;
	}

	int position() {
		return this.position;
	}

	/**
	 * A variant as the catalog wants it.
	 *
	 * @param priceAmount its own price in the product's currency, or null for the product's price
	 */
	record VariantSpec(String sku, Map<String, String> options, @Nullable BigDecimal priceAmount, int stock) {
	}

}
