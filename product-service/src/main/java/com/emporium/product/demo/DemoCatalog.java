package com.emporium.product.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.security.Caller;
import com.emporium.product.catalog.Catalog;
import com.emporium.product.catalog.ProductRow;
import com.emporium.product.categories.CategoryTree;
import com.emporium.product.imports.CsvProducts;
import com.emporium.product.stores.StoreDirectory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo catalog once the application is ready, when enabled and the catalog has no
 * product. One transaction holds a PostgreSQL advisory lock: a second instance starting at the same
 * time waits, then finds the products and loads nothing; a failed load leaves nothing behind and is
 * tried again at the next start. Products go through {@link Catalog#createFromRow}, so each
 * publishes {@code ProductCreated} and {@code StockChanged} like any other.
 */
@Component
@ConditionalOnBooleanProperty("emporium.catalog.demo.enabled")
@EnableConfigurationProperties(DemoProperties.class)
class DemoCatalog {

	/** The demo stores' owners: fixed ids, so that a vendor account can be given them in a demo. */
	static final List<DemoStore> STORES = List.of(
			new DemoStore(UUID.fromString("00000000-0000-4000-8000-00000000d001"), "Emporium Home", "emporium-home",
					"Lights, kitchen, storage and decor from the UCI Online Retail data set."),
			new DemoStore(UUID.fromString("00000000-0000-4000-8000-00000000d002"), "Emporium Gifts", "emporium-gifts",
					"Party, toys, stationery and gifts from the UCI Online Retail data set."));

	/** Any number, the same in every instance. */
	private static final long LOCK = 0x44454d4f43415441L;

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private final Catalog catalog;

	private final StoreDirectory stores;

	private final CategoryTree categories;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final EntityManager entityManager;

	DemoCatalog(Catalog catalog, StoreDirectory stores, CategoryTree categories, JdbcTemplate jdbc,
			PlatformTransactionManager transactions, EntityManager entityManager) {
		this.catalog = catalog;
		this.stores = stores;
		this.categories = categories;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.entityManager = entityManager;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		Integer loaded = this.transaction.execute(status -> {
			this.jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK);
			if (Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM products)", Boolean.class))) {
				return 0;
			}
			return loadAll();
		});
		if (loaded != null && loaded > 0) {
			log.info("Demo catalog loaded products={}", loaded);
		}
		else {
			log.info("Demo catalog not loaded: the catalog has products");
		}
	}

	private int loadAll() {
		List<UUID> storeIds = STORES.stream()
			.map(store -> this.stores.ensureOpen(store.ownerId(), store.name(), store.slug(), store.description()))
			.toList();
		Map<String, UUID> categoryIds = categoryRules().stream()
			.collect(Collectors.toMap(DemoCategories.Rule::slug,
					rule -> this.categories.ensureTopLevel(rule.name(), rule.slug(), null)));
		Caller system = new Caller(null, Set.of("ADMIN"));
		int count = 0;
		for (CsvProducts.Row row : CsvProducts.parse(file(), 5000).rows()) {
			ProductRow product = row.product();
			if (product == null) {
				throw new IllegalStateException("Demo row " + row.line() + " is invalid: " + row.reason());
			}
			DemoCategories.Rule rule = DemoCategories.of(product.name());
			ProductRow categorized = new ProductRow(product.name(), product.slug(), product.brand(),
					product.description(), product.price(), product.currency(), product.compareAtPrice(),
					categoryIds.get(rule.slug()), List.of(rule.slug()), product.sku(), product.stock(),
					product.options(), product.imageUrl(), true);
			this.catalog.createFromRow(storeIds.get(rule.store()), categorized, system);
			if (++count % 100 == 0) {
				// Written already: keep the persistence context small.
				this.entityManager.clear();
			}
		}
		return count;
	}

	private static List<DemoCategories.Rule> categoryRules() {
		return java.util.stream.Stream.concat(DemoCategories.RULES.stream(), java.util.stream.Stream.of(DemoCategories.OTHER))
			.toList();
	}

	private static String file() {
		try (InputStream in = new ClassPathResource("demo/products.csv").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The demo catalog's file cannot be read", ex);
		}
	}

	record DemoStore(UUID ownerId, String name, String slug, String description) {
	}

}
