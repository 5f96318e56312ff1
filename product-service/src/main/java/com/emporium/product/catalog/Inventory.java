package com.emporium.product.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes stock for orders and puts it back, in SQL, in the caller's transaction. All or nothing: the
 * products and then the variants of every line are locked in id order (the order product changes
 * lock them in too, so no two transactions wait for each other in a circle), checked, and only if
 * every line has enough is anything taken. Each product touched moves its version on (so that a
 * change based on an older read cannot write the old stock back) and each variant whose stock
 * moved publishes {@link StockChanged}. Stock never goes below zero (also a check constraint).
 */
@Service
public class Inventory {

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	Inventory(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** A line to take: a product's variant, by SKU (ignoring case). */
	public record Line(UUID productId, String sku, int quantity) {
	}

	/**
	 * What was taken (one per variant) or, when some line lacks stock, nothing and the lines that
	 * lack it.
	 */
	public record Outcome(List<Taken> taken, List<Shortage> shortages) {

		public boolean complete() {
			return this.shortages.isEmpty();
		}

	}

	/** Stock taken from a variant. */
	public record Taken(UUID variantId, UUID productId, String sku, int quantity) {
	}

	/** A line with less stock than asked for ({@code available} 0 for an unknown or deleted variant). */
	public record Shortage(UUID productId, String sku, int requested, int available) {
	}

	/** Takes every line's quantity, or nothing. Lines of the same variant are added up. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Outcome take(List<Line> lines, Instant now) {
		Map<String, Line> wanted = new LinkedHashMap<>();
		for (Line line : lines) {
			wanted.merge(key(line.productId(), line.sku()), line,
					(a, b) -> new Line(a.productId(), a.sku(), a.quantity() + b.quantity()));
		}
		UUID[] productIds = wanted.values().stream().map(Line::productId).distinct().toArray(UUID[]::new);
		lockProducts(productIds);
		Map<String, VariantRow> variants = new LinkedHashMap<>();
		this.jdbc.query("SELECT v.id, v.product_id, v.sku, v.stock FROM product_variants v JOIN products p"
				+ " ON p.id = v.product_id WHERE v.product_id = ANY(?) AND v.live AND p.deleted_at IS NULL"
				+ " ORDER BY v.id FOR UPDATE OF v", row -> {
					VariantRow variant = new VariantRow(row.getObject("id", UUID.class),
							row.getObject("product_id", UUID.class), row.getString("sku"), row.getInt("stock"));
					variants.put(key(variant.productId(), variant.sku()), variant);
				}, (Object) productIds);
		List<Shortage> shortages = new ArrayList<>();
		List<Taken> taken = new ArrayList<>();
		for (Map.Entry<String, Line> entry : wanted.entrySet()) {
			Line line = entry.getValue();
			VariantRow variant = variants.get(entry.getKey());
			int available = (variant != null) ? variant.stock() : 0;
			if (variant == null || available < line.quantity()) {
				shortages.add(new Shortage(line.productId(), line.sku(), line.quantity(), available));
			}
			else {
				taken.add(new Taken(variant.id(), variant.productId(), variant.sku(), line.quantity()));
			}
		}
		if (!shortages.isEmpty()) {
			return new Outcome(List.of(), shortages);
		}
		move(taken, -1, now);
		return new Outcome(taken, List.of());
	}

	/** Puts taken stock back (a released or cancelled reservation). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void putBack(List<Taken> taken, Instant now) {
		lockProducts(taken.stream().map(Taken::productId).distinct().toArray(UUID[]::new));
		move(taken, 1, now);
	}

	private void lockProducts(UUID[] productIds) {
		this.jdbc.queryForList("SELECT id FROM products WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE", UUID.class,
				(Object) productIds);
	}

	/** Moves each variant's stock by {@code sign × quantity}, in id order; versions move on. */
	private void move(List<Taken> taken, int sign, Instant now) {
		List<Taken> ordered = new ArrayList<>(taken);
		ordered.sort((a, b) -> a.variantId().compareTo(b.variantId()));
		for (Taken line : ordered) {
			Integer stock = this.jdbc.queryForObject(
					"UPDATE product_variants SET stock = stock + ? WHERE id = ? RETURNING stock", Integer.class,
					sign * line.quantity(), line.variantId());
			this.events.publishEvent(new StockChanged(UUID.randomUUID(), now, line.productId(), line.sku(),
					(stock != null) ? stock : 0));
		}
		UUID[] products = ordered.stream().map(Taken::productId).distinct().sorted().toArray(UUID[]::new);
		this.jdbc.update("UPDATE products SET version = version + 1, updated_at = ? WHERE id = ANY(?)",
				Timestamp.from(now), products);
	}

	private static String key(UUID productId, String sku) {
		return productId + "/" + sku.toLowerCase(Locale.ROOT);
	}

	private record VariantRow(UUID id, UUID productId, String sku, int stock) {
	}

}
