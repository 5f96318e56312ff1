package com.emporium.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.emporium.devstack.fleet.Fleet;

/**
 * Issue 5's figures: with {@code bench.products} (100,000) products in the embedded PostgreSQL,
 * full-text search with facets through the gateway at a steady {@code bench.rate} (50/s), the same
 * queries served by the plain {@code ILIKE} baseline in the same run, and {@code GET
 * /api/v1/products/{id}} throughput. The products are written straight into product-service's
 * database (through the API this would take half an hour): names recombine the demo catalog's
 * real product names with a colour or material word, so that words repeat as in a real shop; one
 * in five is out of stock.
 */
public final class SearchBench {

	static final String QUERIES = "lantern,red heart,vintage doily,christmas decoration,cake stand,tea light holder,"
			+ "jumbo bag,retrospot,wooden frame,ceramic mug,hot water bottle,paper chain kit,alarm clock,lunch box";

	private SearchBench() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
		int products = Integer.getInteger("bench.products", 100_000);
		int rate = Integer.getInteger("bench.rate", 50);
		System.out.printf("Emporium search bench on %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		try (Fleet fleet = BenchFleet.start(root)) {
			Path var = fleet.options().varDir();
			String gateway = fleet.gatewayUrl();
			BenchHttp.awaitRoute(gateway + "/api/v1/search?q=lantern");
			// The fresh var/ makes recommendation-service replay the demo history and train: a
			// minute or two of both cores that would otherwise land in the figures.
			BenchHttp.awaitDemoModel(gateway, java.time.Duration.ofMinutes(15));
			List<String> ids;
			long started = System.nanoTime();
			try (Connection db = DriverManager.getConnection(fleet.jdbcUrl("products"), "products", "products-demo")) {
				seed(db, products);
				ids = sampleIds(db, 500);
			}
			System.out.printf("%n== Seeded %,d products in %.1f s (straight into product-service's database)%n",
					count(fleet), (System.nanoTime() - started) / 1e9);
			String[] properties = { "bench.queries=" + QUERIES, "bench.productIds=" + String.join(",", ids),
					"bench.rate=" + rate };
			GatlingRunner.warmUp(SearchSimulation.class, var, "warmup-search", gateway, "search", 20, properties);
			GatlingRunner.warmUp(SearchSimulation.class, var, "warmup-get", gateway, "get", 15, properties);
			GatlingRunner.Summary search = GatlingRunner.run(SearchSimulation.class, var, "search", gateway, "search", 60,
					properties);
			GatlingRunner.Summary uncached = GatlingRunner.run(SearchSimulation.class, var, "search-uncached", gateway,
					"uncached", 60, properties);
			GatlingRunner.Summary get = GatlingRunner.run(SearchSimulation.class, var, "get", gateway, "get", 30,
					properties);
			// Side by side at the same concurrency: how fast each serves searches never made before.
			// Straight to product-service: through the gateway, the baseline's slow calls open the
			// route's breaker, which then answers for it.
			String[] closed = Stream
				.concat(Arrays.stream(properties), Stream.of("bench.closed=true", "bench.users=4"))
				.toArray(String[]::new);
			GatlingRunner.Summary fullTextClosed = GatlingRunner.run(SearchSimulation.class, var, "closed-full-text",
					fleet.url("product-service"), "uncached", 30, closed);
			GatlingRunner.Summary ilikeClosed = GatlingRunner.run(SearchSimulation.class, var, "closed-ilike",
					fleet.url("product-service"), "ilike", 30, closed);
			// Last: the baseline cannot keep up, and the gateway's breaker sheds what follows it.
			GatlingRunner.Summary ilike = GatlingRunner.run(SearchSimulation.class, var, "ilike", gateway, "ilike", 60,
					properties);
			System.out.printf("%n== Search through the gateway, %d queries at %d requests/s for 60 s each%n",
					QUERIES.split(",").length, rate);
			System.out.println("phase                    ok  failed   p50 ms   p99 ms   req/s");
			print("full-text + facets", search);
			print("  every query new", uncached);
			print("ILIKE baseline", ilike);
			print("GET /products/{id} (8)", get);
			System.out.printf("Full-text p99 %d ms (target < 50 ms at 50/s); ILIKE p99 / full-text p99 = %.1f%n",
					search.p99(), (double) ilike.p99() / Math.max(1, search.p99()));
			System.out.printf("%n== The same searches, each new, straight to product-service, 4 in flight for 30 s each%n");
			System.out.println("phase                    ok  failed   p50 ms   p99 ms   req/s");
			print("full-text + facets", fullTextClosed);
			print("ILIKE baseline", ilikeClosed);
			System.out.printf("Full-text serves %.1fx the searches per second of ILIKE, at %.1fx lower p50%n",
					fullTextClosed.throughput() / Math.max(0.1, ilikeClosed.throughput()),
					(double) ilikeClosed.p50() / Math.max(1, fullTextClosed.p50()));
			System.out.println("The first row repeats the 14 queries, as shoppers repeat popular ones: after each"
					+ " query's first search its matches come from product-service's search cache (docs/catalog.md)."
					+ " \"every query new\" makes each request a search never made before (the query plus \"or <unique word>\","
					+ " which matches nothing more), so each one ranks and counts its matches in PostgreSQL.");
			System.out.println("Gatling reports and logs: " + var.resolve("gatling"));
		}
	}

	private static void print(String phase, GatlingRunner.Summary summary) {
		System.out.printf("%-22s %6d %7d %8d %8d %7.1f%n", phase, summary.ok(), summary.failed(), summary.p50(),
				summary.p99(), summary.throughput());
	}

	static void seed(Connection db, int products) throws Exception {
		try (Statement sql = db.createStatement()) {
			sql.execute("""
					CREATE TEMP TABLE bench_names AS
					SELECT row_number() OVER () AS n, name FROM (SELECT DISTINCT name FROM products) p""");
			sql.execute("""
					CREATE TEMP TABLE bench_words (n int, word text);
					INSERT INTO bench_words VALUES (0, 'Blue'), (1, 'Oak'), (2, 'Vintage'), (3, 'Small'), (4, 'Large'),
					  (5, 'Pink'), (6, 'Walnut'), (7, 'Glass'), (8, 'Enamel'), (9, 'Gold'), (10, 'Silver'), (11, 'Green')""");
			sql.execute("""
					CREATE TEMP TABLE bench_products AS
					SELECT gen_random_uuid() AS id, w.word || ' ' || nm.name || ' ' || g AS name, g
					FROM generate_series(1, %d) g
					JOIN bench_names nm ON nm.n = 1 + g %% (SELECT count(*) FROM bench_names)
					JOIN bench_words w ON w.n = (g / 7) %% 12""".formatted(products));
			sql.execute("""
					INSERT INTO products (id, name, description, price_amount, price_currency, created_at, version,
					  store_id, slug, brand, category_id, tags, active, updated_at, in_stock)
					SELECT b.id, b.name, 'A ' || lower(b.name) || ', from the bench catalog.', 1 + (b.g % 5000) / 100.0, 'GBP',
					  now() - make_interval(secs => b.g), 0,
					  (SELECT id FROM stores WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1),
					  'bench-' || b.g, (ARRAY['Acme', 'Regency', 'Northwind', 'Retrospot', NULL])[1 + b.g % 5],
					  (SELECT id FROM categories ORDER BY id OFFSET (b.g % 8) LIMIT 1), ARRAY['bench'], TRUE, now(), b.g % 5 <> 0
					FROM bench_products b""");
			// in_stock is set above: the per-row trigger that keeps it (an UPDATE of the product per
			// variant, recomputing its tsvector) would make the seed take many minutes.
			sql.execute("ALTER TABLE product_variants DISABLE TRIGGER USER");
			sql.execute("""
					INSERT INTO product_variants (id, product_id, position, sku, options, stock, live)
					SELECT gen_random_uuid(), b.id, 0, 'BENCH-' || b.g, '{}', CASE WHEN b.g % 5 = 0 THEN 0 ELSE 10 END, TRUE
					FROM bench_products b""");
			sql.execute("ALTER TABLE product_variants ENABLE TRIGGER USER");
			sql.execute("ANALYZE products");
			sql.execute("ANALYZE product_variants");
		}
	}

	private static List<String> sampleIds(Connection db, int count) throws Exception {
		List<String> ids = new ArrayList<>();
		try (Statement sql = db.createStatement();
				ResultSet rows = sql.executeQuery("SELECT id FROM products WHERE active AND deleted_at IS NULL "
						+ "ORDER BY random() LIMIT " + count)) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		return ids;
	}

	private static long count(Fleet fleet) throws Exception {
		try (Connection db = DriverManager.getConnection(fleet.jdbcUrl("products"), "products", "products-demo");
				Statement sql = db.createStatement();
				ResultSet rows = sql.executeQuery("SELECT count(*) FROM products WHERE deleted_at IS NULL")) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
