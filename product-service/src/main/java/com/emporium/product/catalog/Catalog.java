package com.emporium.product.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.security.Caller;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.NotFoundException;
import com.emporium.platform.web.ProblemException;
import com.emporium.product.AlreadyExistsException;
import com.emporium.product.Slugs;
import com.emporium.product.UniqueViolations;
import com.emporium.product.categories.CategoryTree;
import com.emporium.product.stores.StoreDirectory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, changes, restocks, deletes, reads and lists products, and records in the same transaction
 * what happened ({@link ProductCreated}, {@link ProductUpdated}, {@link StockChanged},
 * {@link ProductDeleted}). Every change locks the product's row and names the version the caller
 * read, so no change is lost: a stale version is refused, never overwritten.
 */
@Service
public class Catalog {

	static final String SLUG_INDEX = "products_store_slug_key";

	static final String SKU_INDEX = "product_variants_sku_key";

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	private final Products products;

	private final ProductSearch search;

	private final StoreDirectory stores;

	private final CategoryTree categories;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Validator validator;

	Catalog(Products products, ProductSearch search, StoreDirectory stores, CategoryTree categories,
			ApplicationEventPublisher events, Clock clock, Validator validator) {
		this.validator = validator;
		this.products = products;
		this.search = search;
		this.stores = stores;
		this.categories = categories;
		this.events = events;
		this.clock = clock;
	}

	/** Adds a product to a store its caller owns (admins: any store). */
	@Transactional
	ProductView create(CreateProductRequest request, Caller caller) {
		Money price = request.price();
		checkCompareAt(price, request.compareAtPrice(), false);
		List<Image> images = images(orEmpty(request.images()));
		List<Variant.VariantSpec> variants = variants(orEmpty(request.variants()), price.currency());
		UUID storeId = (request.storeId() != null) ? request.storeId() : soleStoreOf(caller);
		UUID owner = this.stores.lockedOwnerOf(storeId)
			.orElseThrow(() -> InvalidFieldException.body("#/storeId", "does not exist"));
		if (!caller.is(owner) && !caller.isAdmin()) {
			throw forbidden("add products to this store");
		}
		UUID categoryId = request.categoryId();
		// The lock that keeps the category from being deleted also reads its name: no extra query per
		// product, even for a bulk import.
		String categoryName = (categoryId != null) ? this.categories.lockForUse(categoryId)
			.orElseThrow(() -> InvalidFieldException.body("#/categoryId", "does not exist")) : null;
		String name = request.name().strip();
		String slug = (request.slug() != null) ? request.slug() : defaultSlug(name);
		Instant now = this.clock.instant();
		Product product = new Product(UUID.randomUUID(), storeId, name, slug, price,
				!Boolean.FALSE.equals(request.active()), now);
		product.describe(name, slug, blankToNull(request.brand()), blankToNull(request.description()));
		product.price(price, request.compareAtPrice());
		product.categorize(categoryId);
		product.tag(orEmpty(request.tags()));
		product.attribute(orEmpty(request.attributes()));
		product.illustrate(images);
		List<Product.StockLevel> stock = product.replaceVariants(variants);
		saveChecked(product, variants);
		this.events.publishEvent(ProductCreated.of(product, categoryName, now));
		stock.forEach(level -> this.events.publishEvent(StockChanged.of(product, level, now)));
		log.info("Product created productId={} storeId={}", product.id(), product.storeId());
		return ProductView.of(product);
	}

	/**
	 * Adds a product from a row of a bulk import, with the rules of {@link #create}: bean validation
	 * first (the first broken rule, by JSON pointer), then those of the catalog.
	 * @return the new product's id
	 */
	@Transactional
	public UUID createFromRow(UUID storeId, ProductRow row, Caller caller) {
		CreateProductRequest request = row.toRequest(storeId);
		this.validator.validate(request)
			.stream()
			.min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.ifPresent(violation -> {
				String path = violation.getPropertyPath().toString().replace("[", ".").replace("]", "");
				throw InvalidFieldException.body("#/" + path.replace('.', '/').replaceAll("/+", "/"),
						violation.getMessage());
			});
		return create(request, caller).id();
	}

	/**
	 * What a product says about itself, for someone who may change it (its owner, admins): what a
	 * description is written from.
	 */
	@Transactional(readOnly = true)
	public ProductFacts factsForEditing(UUID id, Caller caller) {
		Product product = this.products.findLive(id).orElseThrow(() -> new NotFoundException("Product", id));
		requireOwner(product, caller, false, "change this product");
		return new ProductFacts(product.id(), product.name(), product.brand(), categoryName(product), product.tags(),
				product.attributes(), product.description(), product.version());
	}

	/**
	 * Sets a product's description (its owner, admins), as {@code PATCH} would: under the row lock,
	 * checking the version when one is named, moving it on and publishing {@link ProductUpdated}.
	 * @return the new version
	 */
	@Transactional
	public long describe(UUID id, String description, @Nullable Long expectedVersion, Caller caller) {
		Product product = this.products.findLockedLive(id).orElseThrow(() -> new NotFoundException("Product", id));
		requireOwner(product, caller, false, "change this product");
		if (expectedVersion != null) {
			checkVersion(product, expectedVersion);
		}
		Instant now = this.clock.instant();
		product.describe(product.name(), product.slug(), product.brand(), blankToNull(description));
		product.touch(now);
		saveChecked(product, List.of());
		this.events.publishEvent(ProductUpdated.of(product, categoryName(product), now));
		log.info("Product described productId={} version={}", id, product.version());
		return product.version();
	}

	/** A product; an unlisted one only for its store's owner, admins and managers. */
	@Transactional(readOnly = true)
	ProductView get(UUID id, Caller caller) {
		Product product = this.products.findLive(id).orElseThrow(() -> new NotFoundException("Product", id));
		if (!product.active() && !caller.isStaff() && !caller.is(this.stores.ownerOf(product.storeId()).orElse(null))) {
			throw new NotFoundException("Product", id);
		}
		return ProductView.of(product);
	}

	/**
	 * Changes what the request sends (its owner or an admin).
	 * @param ifMatch the version from an {@code If-Match} header, or null
	 */
	@Transactional
	ProductView change(UUID id, UpdateProductRequest request, @Nullable Long ifMatch, Caller caller) {
		long expected = expectedVersion(request.version(), ifMatch, true);
		Product product = this.products.findLockedLive(id).orElseThrow(() -> new NotFoundException("Product", id));
		requireOwner(product, caller, false, "change this product");
		checkVersion(product, expected);

		Money price = (request.price() != null) ? request.price() : product.price();
		Money compareAt = request.compareAtPriceSent() ? request.compareAtPrice() : product.compareAtPrice();
		checkCompareAt(price, compareAt, !request.compareAtPriceSent());
		List<Variant.VariantSpec> variants = null;
		if (request.variants() != null) {
			variants = variants(request.variants(), price.currency());
		}
		else if (!price.currency().equals(product.price().currency())
				&& product.variants().stream().anyMatch(variant -> variant.priceAmount() != null)) {
			throw InvalidFieldException.body("#/price/currency",
					"must stay %s while variants have their own prices: send the variants too"
						.formatted(product.price().currency()));
		}
		List<Image> images = (request.images() != null) ? images(request.images()) : null;
		UUID categoryId = request.categoryIdSent() ? request.categoryId() : product.categoryId();
		String categoryName = null;
		if (categoryId != null && !categoryId.equals(product.categoryId())) {
			categoryName = this.categories.lockForUse(categoryId)
				.orElseThrow(() -> InvalidFieldException.body("#/categoryId", "does not exist"));
		}

		Instant now = this.clock.instant();
		String name = (request.name() != null) ? request.name().strip() : product.name();
		product.describe(name, (request.slug() != null) ? request.slug() : product.slug(),
				request.brandSent() ? blankToNull(request.brand()) : product.brand(),
				request.descriptionSent() ? blankToNull(request.description()) : product.description());
		product.price(price, compareAt);
		product.categorize(categoryId);
		if (request.tags() != null) {
			product.tag(request.tags());
		}
		if (request.attributes() != null) {
			product.attribute(request.attributes());
		}
		if (images != null) {
			product.illustrate(images);
		}
		if (request.active() != null) {
			product.list(request.active());
		}
		List<Product.StockLevel> stock = (variants != null) ? product.replaceVariants(variants) : List.of();
		product.touch(now);
		saveChecked(product, (variants != null) ? variants : List.of());
		// Read after the row lock: a rename that committed first is seen, one that commits later
		// waits for this product's lock and publishes the new name after this event.
		this.events.publishEvent(
				ProductUpdated.of(product, (categoryName != null) ? categoryName : categoryName(product), now));
		stock.forEach(level -> this.events.publishEvent(StockChanged.of(product, level, now)));
		log.info("Product changed productId={} version={}", id, product.version());
		return ProductView.of(product);
	}

	/** Sets the stock of some variants (the owner, admins and managers). */
	@Transactional
	ProductView restock(UUID id, StockRequest request, @Nullable Long ifMatch, Caller caller) {
		Long expected = expectedVersion(request.version(), ifMatch, false);
		Product product = this.products.findLockedLive(id).orElseThrow(() -> new NotFoundException("Product", id));
		requireOwner(product, caller, true, "change this product's stock");
		if (expected != null) {
			checkVersion(product, expected);
		}
		Set<String> seen = new HashSet<>();
		List<Product.StockLevel> levels = new ArrayList<>();
		for (int i = 0; i < request.variants().size(); i++) {
			StockRequest.Level level = request.variants().get(i);
			if (!seen.add(level.sku().toLowerCase(Locale.ROOT))) {
				throw InvalidFieldException.body("#/variants/%d/sku".formatted(i), "is listed twice");
			}
			if (product.variant(level.sku()) == null) {
				throw InvalidFieldException.body("#/variants/%d/sku".formatted(i), "is not a variant of this product");
			}
			levels.add(new Product.StockLevel(level.sku(), Math.toIntExact(level.stock())));
		}
		Instant now = this.clock.instant();
		List<Product.StockLevel> changes = product.restock(levels);
		product.touch(now);
		saveChecked(product, List.of());
		changes.forEach(level -> this.events.publishEvent(StockChanged.of(product, level, now)));
		log.info("Product restocked productId={} variants={}", id, changes.size());
		return ProductView.of(product);
	}

	/**
	 * Deletes a product (its owner or an admin): it disappears from the catalog, its row stays for the
	 * orders that name it, its slug and SKUs become free.
	 */
	@Transactional
	void delete(UUID id, @Nullable Long ifMatch, Caller caller) {
		Product product = this.products.findLockedLive(id).orElseThrow(() -> new NotFoundException("Product", id));
		requireOwner(product, caller, false, "delete this product");
		if (ifMatch != null) {
			checkVersion(product, ifMatch);
		}
		Instant now = this.clock.instant();
		product.delete(now);
		saveChecked(product, List.of());
		this.events.publishEvent(ProductDeleted.of(product, now));
		log.info("Product deleted productId={}", id);
	}

	/**
	 * A page of products.
	 * @param includeInactive unlisted products too: staff, or a store's owner for their store
	 */
	@Transactional(readOnly = true)
	Page<ProductSummary> list(Criteria criteria, boolean includeInactive, ProductSort sort, Caller caller,
			Pageable pageable) {
		ProductFilter filter = this.search.filter(criteria, includeInactive, caller);
		Page<UUID> ids = this.search.find(filter, sort, pageable);
		return new PageImpl<>(this.search.summaries(ids.getContent()), pageable, ids.getTotalElements());
	}

	/** The current name of a product's category; null without one. */
	private @Nullable String categoryName(Product product) {
		UUID categoryId = product.categoryId();
		return (categoryId != null) ? this.categories.nameOf(categoryId).orElse(null) : null;
	}

	/** The store of a vendor who has exactly one: what a product without a storeId goes to. */
	private UUID soleStoreOf(Caller caller) {
		return ((caller.userId() != null) ? this.stores.soleStoreOf(caller.userId()) : Optional.<UUID>empty())
			.orElseThrow(() -> InvalidFieldException.body("#/storeId",
					"is required unless you own exactly one store"));
	}

	private void requireOwner(Product product, Caller caller, boolean managersToo, String action) {
		if (caller.isAdmin() || (managersToo && caller.isStaff())) {
			return;
		}
		if (!caller.is(this.stores.ownerOf(product.storeId()).orElse(null))) {
			throw forbidden(action);
		}
	}

	private static ProblemException forbidden(String action) {
		return new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
				"Only the store's owner or an admin may %s.".formatted(action));
	}

	/**
	 * The version a change is based on: from the body or {@code If-Match} (the same when both are
	 * sent); required for changes, optional for stock.
	 */
	private static @Nullable Long expectedVersion(@Nullable Long body, @Nullable Long header, boolean required) {
		if (body != null && header != null && !body.equals(header)) {
			throw InvalidFieldException.body("#/version", "differs from the If-Match header");
		}
		Long expected = (body != null) ? body : header;
		if (expected == null && required) {
			throw InvalidFieldException.body("#/version",
					"is required: send the version you read (or an If-Match header with its ETag)");
		}
		return expected;
	}

	private static void checkVersion(Product product, long expected) {
		if (product.version() != expected) {
			throw new VersionConflictException(product.id(), expected, product.version());
		}
	}

	/**
	 * A compare-at price is above the price and in its currency.
	 * @param blamePrice whether the error names the price (only the price was sent) rather than the
	 * compare-at price
	 */
	private static void checkCompareAt(Money price, @Nullable Money compareAt, boolean blamePrice) {
		if (compareAt == null) {
			return;
		}
		if (!compareAt.currency().equals(price.currency())) {
			throw blamePrice
					? InvalidFieldException.body("#/price/currency",
							"must be the compare-at price's currency (%s): send a new compareAtPrice or null"
								.formatted(compareAt.currency()))
					: InvalidFieldException.body("#/compareAtPrice/currency", "must be the price's currency");
		}
		if (compareAt.amount().compareTo(price.amount()) <= 0) {
			throw blamePrice
					? InvalidFieldException.body("#/price/amount",
							"must be below the compare-at price (%s): send a new compareAtPrice or null"
								.formatted(compareAt.amount().toPlainString()))
					: InvalidFieldException.body("#/compareAtPrice/amount", "must be greater than the price");
		}
	}

	private static List<Image> images(List<ImageRequest> requests) {
		if (requests.stream().filter(image -> Boolean.TRUE.equals(image.primary())).count() > 1) {
			throw InvalidFieldException.body("#/images", "must have at most one primary image");
		}
		return requests.stream().map(ImageRequest::toImage).toList();
	}

	private static List<Variant.VariantSpec> variants(List<VariantRequest> requests, String currency) {
		List<Variant.VariantSpec> specs = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			VariantRequest request = requests.get(i);
			if (request.price() != null && !request.price().currency().equals(currency)) {
				throw InvalidFieldException.body("#/variants/%d/price/currency".formatted(i),
						"must be the product's currency (%s)".formatted(currency));
			}
			Map<String, String> options = new TreeMap<>();
			orEmpty(request.options()).forEach((key, value) -> options.put(key.strip(), value.strip()));
			specs.add(new Variant.VariantSpec(request.sku(), options,
					(request.price() != null) ? request.price().amount() : null, Math.toIntExact(request.stock())));
		}
		return specs;
	}

	/** Saves and flushes, so that unique indexes and the version check answer here. */
	private void saveChecked(Product product, List<Variant.VariantSpec> variants) {
		try {
			this.products.saveAndFlush(product);
		}
		catch (DataIntegrityViolationException ex) {
			if (UniqueViolations.violates(ex, SLUG_INDEX)) {
				throw new AlreadyExistsException("#/slug", "Another product of this store");
			}
			if (UniqueViolations.violates(ex, SKU_INDEX)) {
				throw new AlreadyExistsException(skuPointer(variants, UniqueViolations.value(ex)), "Another variant");
			}
			throw ex;
		}
		catch (OptimisticLockingFailureException ex) {
			throw new VersionConflictException(product.id(), product.version(), product.version() + 1);
		}
	}

	/** The last variant with the refused SKU: for a SKU sent twice, the second. */
	private static String skuPointer(List<Variant.VariantSpec> variants, @Nullable String sku) {
		for (int i = variants.size() - 1; i >= 0; i--) {
			if (variants.get(i).sku().equalsIgnoreCase(String.valueOf(sku))) {
				return "#/variants/%d/sku".formatted(i);
			}
		}
		return "#/variants";
	}

	private static String defaultSlug(String name) {
		String slug = Slugs.of(name, 120);
		return (slug.length() >= 2) ? slug : "product";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static <T> List<T> orEmpty(@Nullable List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static Map<String, String> orEmpty(@Nullable Map<String, String> map) {
		return (map != null) ? map : Map.of();
	}

}
