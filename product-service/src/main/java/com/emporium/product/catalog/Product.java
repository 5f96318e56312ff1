package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A product of the catalog, with its variants. Changes only through its methods, which keep its
 * invariants: a compare-at price above the price and in its currency, exactly one primary image
 * when there are images, stock never below zero. Deleting it keeps the row (past orders name it)
 * and frees its slug and SKUs.
 */
@Entity
@Table(name = "products")
class Product {

	@Id
	private UUID id;

	@Column(name = "store_id")
	private UUID storeId;

	private String name;

	private String slug;

	private @Nullable String brand;

	private @Nullable String description;

	@Column(name = "price_amount")
	private BigDecimal priceAmount;

	@Column(name = "price_currency")
	private String priceCurrency;

	@Column(name = "compare_at_amount")
	private @Nullable BigDecimal compareAtAmount;

	@Column(name = "category_id")
	private @Nullable UUID categoryId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> tags = List.of();

	@Convert(converter = JsonColumns.KeyValuesConverter.class)
	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, String> attributes = new TreeMap<>();

	@Convert(converter = JsonColumns.ImagesConverter.class)
	@JdbcTypeCode(SqlTypes.JSON)
	private List<Image> images = List.of();

	// Batched: a page of products costs one query for all their variants.
	@OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	@BatchSize(size = 100)
	private List<Variant> variants = new ArrayList<>();

	private boolean active;

	// Set by the reviews feature in SQL (Ratings), never written through the entity.
	@Column(name = "rating_average", insertable = false, updatable = false)
	private @Nullable BigDecimal ratingAverage;

	@Column(name = "review_count", insertable = false, updatable = false)
	private int reviewCount;

	// Counted by the views feature in SQL (Popularity), never written through the entity.
	@Column(name = "view_count", insertable = false, updatable = false)
	private long viewCount;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "deleted_at")
	private @Nullable Instant deletedAt;

	// A wrapper, so Spring Data sees a new entity (version null) and inserts without a select.
	@Version
	private @Nullable Long version;

	protected Product() {
		// for JPA
	}

	Product(UUID id, UUID storeId, String name, String slug, Money price, boolean active, Instant now) {
		this.id = id;
		this.storeId = storeId;
		this.name = name;
		this.slug = slug;
		this.priceAmount = price.amount();
		this.priceCurrency = price.currency();
		this.active = active;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void describe(String name, String slug, @Nullable String brand, @Nullable String description) {
		this.name = name;
		this.slug = slug;
		this.brand = brand;
		this.description = description;
	}

	/**
	 * Sets the price and the compare-at price ("was"), which must be higher and in the same
	 * currency; variants with their own price must be in that currency too.
	 */
	void price(Money price, @Nullable Money compareAt) {
		if (compareAt != null && (!compareAt.currency().equals(price.currency())
				|| compareAt.amount().compareTo(price.amount()) <= 0)) {
			throw new IllegalArgumentException("The compare-at price must be above the price, in its currency");
		}
		this.priceAmount = price.amount();
		this.priceCurrency = price.currency();
		this.compareAtAmount = (compareAt != null) ? compareAt.amount() : null;
	}

	void categorize(@Nullable UUID categoryId) {
		this.categoryId = categoryId;
	}

	/** Tags, trimmed, lower case, each once, in the order given. */
	void tag(List<String> tags) {
		this.tags = tags.stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).distinct().toList();
	}

	void attribute(Map<String, String> attributes) {
		Map<String, String> stripped = new LinkedHashMap<>();
		attributes.forEach((key, value) -> stripped.put(key.strip(), value.strip()));
		this.attributes = new TreeMap<>(stripped);
	}

	/** The images in order; exactly one is primary (the first, when none is marked). */
	void illustrate(List<Image> images) {
		long primaries = images.stream().filter(Image::primary).count();
		if (primaries > 1) {
			throw new IllegalArgumentException("A product has one primary image");
		}
		List<Image> ordered = new ArrayList<>();
		for (int i = 0; i < images.size(); i++) {
			Image image = images.get(i);
			ordered.add(new Image(image.url(), image.alt(), image.primary() || (primaries == 0 && i == 0)));
		}
		this.images = List.copyOf(ordered);
	}

	/**
	 * Replaces the variants: those whose SKU matches one already here (ignoring case) keep their
	 * identity, the others are added, the rest removed.
	 * @return the stock of every variant whose stock this changed: new ones, changed ones, and removed
	 * ones with 0
	 */
	List<StockLevel> replaceVariants(List<Variant.VariantSpec> specs) {
		Map<String, Variant> existing = new LinkedHashMap<>();
		this.variants.forEach(variant -> existing.put(key(variant.sku()), variant));
		List<StockLevel> changes = new ArrayList<>();
		List<Variant> replaced = new ArrayList<>();
		for (int position = 0; position < specs.size(); position++) {
			Variant.VariantSpec spec = specs.get(position);
			Variant variant = existing.remove(key(spec.sku()));
			if (variant == null) {
				variant = new Variant(this, spec, position);
				changes.add(new StockLevel(spec.sku(), spec.stock()));
			}
			else {
				if (variant.stock() != spec.stock()) {
					changes.add(new StockLevel(spec.sku(), spec.stock()));
				}
				variant.update(spec, position);
			}
			replaced.add(variant);
		}
		existing.values().forEach(removed -> changes.add(new StockLevel(removed.sku(), 0)));
		this.variants.clear();
		this.variants.addAll(replaced);
		return changes;
	}

	/**
	 * Sets the stock of variants named by SKU (ignoring case).
	 * @return the levels that changed
	 */
	List<StockLevel> restock(List<StockLevel> levels) {
		List<StockLevel> changes = new ArrayList<>();
		for (StockLevel level : levels) {
			Variant variant = variant(level.sku());
			if (variant == null) {
				throw new IllegalArgumentException("No variant " + level.sku());
			}
			if (variant.stock() != level.stock()) {
				variant.restock(level.stock());
				changes.add(new StockLevel(variant.sku(), level.stock()));
			}
		}
		return changes;
	}

	void list(boolean active) {
		this.active = active;
	}

	/** Marks a change, so the version moves on even when only variants changed. */
	void touch(Instant now) {
		this.updatedAt = now;
	}

	void delete(Instant now) {
		this.deletedAt = now;
		this.active = false;
		this.updatedAt = now;
		this.variants.forEach(Variant::retire);
	}

	@Nullable Variant variant(String sku) {
		return this.variants.stream().filter(variant -> key(variant.sku()).equals(key(sku))).findFirst().orElse(null);
	}

	boolean inStock() {
		return this.variants.stream().anyMatch(variant -> variant.stock() > 0);
	}

	private static String key(String sku) {
		return sku.toLowerCase(Locale.ROOT);
	}

	UUID id() {
		return this.id;
	}

	UUID storeId() {
		return this.storeId;
	}

	String name() {
		return this.name;
	}

	String slug() {
		return this.slug;
	}

	@Nullable String brand() {
		return this.brand;
	}

	@Nullable String description() {
		return this.description;
	}

	Money price() {
		return new Money(amount(this.priceAmount), this.priceCurrency);
	}

	@Nullable Money compareAtPrice() {
		return (this.compareAtAmount != null) ? new Money(amount(this.compareAtAmount), this.priceCurrency) : null;
	}

	/** A variant's price: its own, or the product's. */
	Money priceOf(Variant variant) {
		return (variant.priceAmount() != null) ? new Money(amount(variant.priceAmount()), this.priceCurrency)
				: price();
	}

	@Nullable UUID categoryId() {
		return this.categoryId;
	}

	List<String> tags() {
		return this.tags;
	}

	Map<String, String> attributes() {
		return this.attributes;
	}

	List<Image> images() {
		return this.images;
	}

	List<Variant> variants() {
		return this.variants;
	}

	boolean active() {
		return this.active;
	}

	@Nullable BigDecimal ratingAverage() {
		return this.ratingAverage;
	}

	int reviewCount() {
		return this.reviewCount;
	}

	long viewCount() {
		return this.viewCount;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	@Nullable Instant deletedAt() {
		return this.deletedAt;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

	/** Amounts have two decimals (the column keeps four). */
	/** An amount as the API shows it: two decimals. */
	static BigDecimal amount(BigDecimal stored) {
		return stored.setScale(2, RoundingMode.HALF_EVEN);
	}

	/** A variant's available stock. */
	record StockLevel(String sku, int stock) {
	}

}
