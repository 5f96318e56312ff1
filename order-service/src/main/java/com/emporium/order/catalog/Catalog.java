package com.emporium.order.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.order.Amounts;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the catalog read model. Written with SQL rather than entities: every change is
 * an upsert whose guard (a version, a tombstone) belongs in the statement, so that concurrent or
 * repeated events cannot overwrite newer state.
 */
@Service
public class Catalog {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	Catalog(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<CatalogProduct> find(UUID productId) {
		return Optional.ofNullable(findAll(List.of(productId)).get(productId));
	}

	/** The products among {@code productIds} that the read model knows, by id. */
	@Transactional(readOnly = true)
	public Map<UUID, CatalogProduct> findAll(Collection<UUID> productIds) {
		if (productIds.isEmpty()) {
			return Map.of();
		}
		MapSqlParameterSource ids = new MapSqlParameterSource("ids", productIds);
		Map<UUID, Map<String, Integer>> stock = new HashMap<>();
		this.jdbc.query("SELECT product_id, sku, available FROM catalog_stock WHERE product_id IN (:ids) ORDER BY sku",
				ids, (ResultSet row) -> {
					stock.computeIfAbsent(row.getObject("product_id", UUID.class), id -> new LinkedHashMap<>())
						.put(row.getString("sku"), row.getInt("available"));
				});
		Map<UUID, CatalogProduct> products = new HashMap<>();
		this.jdbc.query("SELECT * FROM catalog_products WHERE product_id IN (:ids)", ids, (ResultSet row) -> {
			CatalogProduct product = product(row, stock);
			products.put(product.productId(), product);
		});
		return products;
	}

	private static CatalogProduct product(ResultSet row, Map<UUID, Map<String, Integer>> stock) throws SQLException {
		UUID id = row.getObject("product_id", UUID.class);
		BigDecimal price = row.getBigDecimal("price_amount");
		String currency = row.getString("price_currency");
		if (price != null && currency != null) {
			price = Amounts.of(price, currency);
		}
		return new CatalogProduct(id, row.getString("name"), price, currency,
				row.getBoolean("active"), row.getBoolean("deleted"), Map.copyOf(stock.getOrDefault(id, Map.of())));
	}

	/** A new product: recorded unless we already have it (a newer update, or its deletion). */
	void created(UUID productId, @Nullable UUID storeId, String name, BigDecimal price, String currency,
			boolean active) {
		this.jdbc.update("""
				INSERT INTO catalog_products (product_id, store_id, name, price_amount, price_currency, active, version,
				                              updated_at)
				VALUES (:id, :store, :name, :price, :currency, :active, 0, :now)
				ON CONFLICT (product_id) DO NOTHING""",
				product(productId, storeId, name, price, currency, active).addValue("now", now()));
	}

	/**
	 * A product's state after a change: replaces ours unless ours is newer or the product is deleted.
	 * @return whether it was applied
	 */
	boolean updated(UUID productId, @Nullable UUID storeId, String name, BigDecimal price, String currency,
			boolean active, long version) {
		return this.jdbc.update("""
				INSERT INTO catalog_products (product_id, store_id, name, price_amount, price_currency, active, version,
				                              updated_at)
				VALUES (:id, :store, :name, :price, :currency, :active, :version, :now)
				ON CONFLICT (product_id) DO UPDATE
				SET store_id = EXCLUDED.store_id, name = EXCLUDED.name, price_amount = EXCLUDED.price_amount,
				    price_currency = EXCLUDED.price_currency, active = EXCLUDED.active, version = EXCLUDED.version,
				    updated_at = EXCLUDED.updated_at
				WHERE catalog_products.version <= EXCLUDED.version AND NOT catalog_products.deleted""",
				product(productId, storeId, name, price, currency, active).addValue("version", version)
					.addValue("now", now())) == 1;
	}

	/** The product is gone for good; a tombstone if we never saw it. */
	void deleted(UUID productId) {
		this.jdbc.update("""
				INSERT INTO catalog_products (product_id, active, deleted, version, updated_at)
				VALUES (:id, FALSE, TRUE, 0, :now)
				ON CONFLICT (product_id) DO UPDATE SET deleted = TRUE, active = FALSE, updated_at = EXCLUDED.updated_at""",
				new MapSqlParameterSource("id", productId).addValue("now", now()));
	}

	/** A variant's available stock is now {@code available}. */
	void stockChanged(UUID productId, String sku, int available) {
		this.jdbc.update("""
				INSERT INTO catalog_stock (product_id, sku_key, sku, available, updated_at)
				VALUES (:id, :key, :sku, :available, :now)
				ON CONFLICT (product_id, sku_key) DO UPDATE
				SET sku = EXCLUDED.sku, available = EXCLUDED.available, updated_at = EXCLUDED.updated_at""",
				new MapSqlParameterSource("id", productId).addValue("key", CatalogProduct.key(sku))
					.addValue("sku", sku)
					.addValue("available", available)
					.addValue("now", now()));
	}

	private static MapSqlParameterSource product(UUID productId, @Nullable UUID storeId, String name,
			BigDecimal price, String currency, boolean active) {
		return new MapSqlParameterSource("id", productId).addValue("store", storeId)
			.addValue("name", name)
			.addValue("price", price)
			.addValue("currency", currency)
			.addValue("active", active);
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
