package com.emporium.recommendation.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.events.EventEnvelope;
import com.emporium.recommendation.MalformedEventException;
import com.emporium.recommendation.catalog.ProductEvents.ProductCreated;
import com.emporium.recommendation.catalog.ProductEvents.ProductDeleted;
import com.emporium.recommendation.catalog.ProductEvents.ProductUpdated;
import com.emporium.recommendation.catalog.ProductEvents.StockChanged;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;

/**
 * Keeps {@code catalog_products} current from catalog events. Every write is idempotent by its
 * natural key, so a re-delivered event changes nothing and no separate record of processed events
 * is needed (MongoDB has no transaction here that could tie such a record to the effect):
 * <ul>
 * <li>{@code ProductCreated} and {@code ProductUpdated} replace the fields only when their version
 * is newer than the stored one ({@code ProductCreated} counts as version 0);</li>
 * <li>{@code ProductDeleted} marks the product deleted, for good; the document stays so that old
 * interactions still name it;</li>
 * <li>{@code StockChanged} sets one variant's stock and whether any variant has some.</li>
 * </ul>
 * The four topics keep no order between them, so any event may be the first for a product: it then
 * leaves a stub that the others complete.
 */
@Service
public class CatalogReplica implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(CatalogReplica.class);

	private static final long CREATED_VERSION = 0;

	private static final long STUB_VERSION = -1;

	private final MongoTemplate mongo;

	private final Clock clock;

	CatalogReplica(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Before the listeners start: new arrivals sort by creation, stock is looked up by product and
	 * by SKU, serving caches read what changed since their last look.
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(CatalogProduct.class)
			.createIndex(new Index().on("createdAt", Sort.Direction.DESC).named("created_at"));
		this.mongo.indexOps(CatalogProduct.class)
			.createIndex(new Index().on("changedAt", Sort.Direction.ASC).named("changed_at"));
		this.mongo.indexOps(CatalogStock.class)
			.createIndex(new Index().on("productId", Sort.Direction.ASC).named("product_id"));
		this.mongo.indexOps(CatalogStock.class).createIndex(new Index().on("sku", Sort.Direction.ASC).named("sku"));
	}

	// The group is the service's (spring.kafka.consumer.group-id), not the listener id.
	@KafkaListener(id = "catalog-product-created", idIsGroup = false, topics = "emporium.product.product-created.v1")
	void created(EventEnvelope<ProductCreated> event) {
		ProductCreated product = MalformedEventException.data(event);
		if (product.productId() == null || product.name() == null || product.priceAmount() == null
				|| product.priceCurrency() == null) {
			throw new MalformedEventException(event, "productId, name, priceAmount or priceCurrency");
		}
		Instant createdAt = (event.time() != null) ? event.time() : this.clock.instant();
		Update fields = new Update().set("name", product.name())
			.set("brand", product.brand())
			.set("categoryId", product.categoryId())
			.set("categoryName", blankToNull(product.categoryName()))
			.set("price", product.priceAmount())
			.set("currency", product.priceCurrency())
			.set("active", !Boolean.FALSE.equals(product.active()))
			.set("createdAt", createdAt)
			.set("changedAt", this.clock.instant());
		if (!applyIfNewer(product.productId(), CREATED_VERSION, fields)) {
			// An update overtook the creation: keep its fields, take only the creation time.
			this.mongo.updateFirst(byId(product.productId()).addCriteria(Criteria.where("createdAt").exists(false)),
					new Update().set("createdAt", createdAt).set("changedAt", this.clock.instant()),
					CatalogProduct.class);
		}
		log.info("Catalog replica added productId={}", product.productId());
	}

	@KafkaListener(id = "catalog-product-updated", idIsGroup = false, topics = "emporium.product.product-updated.v1")
	void updated(EventEnvelope<ProductUpdated> event) {
		ProductUpdated product = MalformedEventException.data(event);
		if (product.productId() == null || product.name() == null || product.priceAmount() == null
				|| product.priceCurrency() == null || product.active() == null || product.version() == null) {
			throw new MalformedEventException(event, "productId, name, priceAmount, priceCurrency, active or version");
		}
		Update fields = new Update().set("name", product.name())
			.set("brand", product.brand())
			.set("categoryId", product.categoryId())
			.set("categoryName", blankToNull(product.categoryName()))
			.set("tags", (product.tags() != null) ? product.tags() : List.of())
			.set("price", product.priceAmount())
			.set("currency", product.priceCurrency())
			.set("active", product.active())
			.set("changedAt", this.clock.instant());
		if (applyIfNewer(product.productId(), product.version(), fields)) {
			log.info("Catalog replica updated productId={} version={}", product.productId(), product.version());
		}
		else {
			log.debug("Ignoring an older or repeated update productId={} version={}", product.productId(),
					product.version());
		}
	}

	@KafkaListener(id = "catalog-product-deleted", idIsGroup = false, topics = "emporium.product.product-deleted.v1")
	void deleted(EventEnvelope<ProductDeleted> event) {
		ProductDeleted product = MalformedEventException.data(event);
		if (product.productId() == null) {
			throw new MalformedEventException(event, "productId");
		}
		Instant deletedAt = (event.time() != null) ? event.time() : this.clock.instant();
		this.mongo.upsert(byId(product.productId()),
				new Update().set("deleted", true)
					.min("deletedAt", deletedAt)
					.set("changedAt", this.clock.instant())
					.setOnInsert("version", STUB_VERSION),
				CatalogProduct.class);
		log.info("Catalog replica marked deleted productId={}", product.productId());
	}

	@KafkaListener(id = "catalog-stock-changed", idIsGroup = false, topics = "emporium.product.stock-changed.v1")
	void stockChanged(EventEnvelope<StockChanged> event) {
		StockChanged stock = MalformedEventException.data(event);
		if (stock.productId() == null || stock.sku() == null || stock.sku().isBlank() || stock.available() == null
				|| stock.available() < 0) {
			throw new MalformedEventException(event, "productId, sku or a non-negative available");
		}
		// One product's stock events share a key and so a partition: they come in order, one at a time.
		String sku = stock.sku().toLowerCase(Locale.ROOT);
		this.mongo.save(new CatalogStock(stock.productId() + ":" + sku, stock.productId(), sku, stock.available()));
		boolean inStock = this.mongo.exists(
				Query.query(Criteria.where("productId").is(stock.productId()).and("available").gt(0)),
				CatalogStock.class);
		this.mongo.upsert(byId(stock.productId()),
				new Update().set("inStock", inStock)
					.set("changedAt", this.clock.instant())
					.setOnInsert("version", STUB_VERSION),
				CatalogProduct.class);
		log.debug("Catalog replica stock productId={} inStock={}", stock.productId(), inStock);
	}

	/**
	 * The newest products a shopper may see (named, listed, not deleted, not out of stock), for the
	 * "new arrivals" list.
	 */
	public List<CatalogItem> newest(int limit) {
		Query listed = Query.query(Criteria.where("name")
			.exists(true)
			.and("deleted")
			.ne(true)
			.and("active")
			.ne(false)
			.and("inStock")
			.ne(false))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(limit);
		return this.mongo.find(listed, CatalogProduct.class).stream().map(CatalogProduct::item).toList();
	}

	/** The products of these ids that the replica knows, deleted ones included; unknown ids are missing. */
	public Map<UUID, CatalogItem> find(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), CatalogProduct.class)
			.stream()
			.map(CatalogProduct::item)
			.collect(Collectors.toMap(CatalogItem::id, Function.identity()));
	}

	/**
	 * The product that sells each of these SKUs, as {@code StockChanged} told the replica, keyed by
	 * the SKU in lower case (SKUs compare ignoring case). SKUs that no product sells, or only products
	 * the replica marks deleted, are missing: the catalog keeps a SKU unique among products that are
	 * not deleted.
	 */
	public Map<String, UUID> productIdsBySku(Collection<String> skus) {
		if (skus.isEmpty()) {
			return Map.of();
		}
		List<String> lowerCase = skus.stream().map(sku -> sku.toLowerCase(Locale.ROOT)).distinct().toList();
		List<CatalogStock> variants = this.mongo.find(Query.query(Criteria.where("sku").in(lowerCase)),
				CatalogStock.class);
		Set<UUID> productIds = new HashSet<>();
		variants.forEach(variant -> productIds.add(variant.productId()));
		Query deleted = Query.query(Criteria.where("_id").in(productIds).and("deleted").is(true));
		deleted.fields().include("_id");
		Set<UUID> deletedIds = new HashSet<>();
		this.mongo.find(deleted, CatalogProduct.class).forEach(product -> deletedIds.add(product.id()));
		Map<String, UUID> bySku = new HashMap<>();
		for (CatalogStock variant : variants) {
			if (!deletedIds.contains(variant.productId())) {
				bySku.put(variant.sku(), variant.productId());
			}
		}
		return bySku;
	}

	/**
	 * Every product the replica holds, deleted ones included, read with a cursor: for building
	 * in-memory models (a product is a few hundred bytes).
	 */
	public List<CatalogItem> loadAll() {
		List<CatalogItem> items = new ArrayList<>();
		try (Stream<CatalogProduct> products = this.mongo.stream(new Query(), CatalogProduct.class)) {
			products.forEach(product -> items.add(product.item()));
		}
		return items;
	}

	/**
	 * The products written since {@code since} (inclusive), deleted ones included: what an in-memory
	 * copy of the replica must refresh.
	 */
	public List<CatalogItem> changedSince(Instant since) {
		return this.mongo.find(Query.query(Criteria.where("changedAt").gte(since)), CatalogProduct.class)
			.stream()
			.map(CatalogProduct::item)
			.toList();
	}

	/**
	 * Writes {@code fields} at {@code version} when the stored product is older (or a stub); an
	 * upsert, so the first event for a product creates it.
	 * @return false when the stored product is as new or newer (nothing was written)
	 */
	private boolean applyIfNewer(UUID id, long version, Update fields) {
		Query older = byId(id).addCriteria(
				new Criteria().orOperator(Criteria.where("version").lt(version), Criteria.where("version").exists(false)));
		try {
			this.mongo.upsert(older, fields.set("version", version), CatalogProduct.class);
			return true;
		}
		catch (DuplicateKeyException asNewOrNewer) {
			// The upsert found no older document and tried to insert one with the same id.
			return false;
		}
	}

	/** A category name to show; a blank one (never sent by product-service) counts as none. */
	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static Query byId(UUID id) {
		return Query.query(Criteria.where("_id").is(id));
	}

}
