package com.emporium.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.emporium.devstack.fleet.Fleet;

/**
 * End-to-end checkout through the gateway, printed: at a steady rate, shoppers (real accounts,
 * signed in) add an item to their cart and {@code POST /orders}; each order is then long-polled
 * until the saga confirms or cancels it. Prints confirmed orders per second, p50/p99 from
 * {@code POST /orders} to {@code CONFIRMED}, how many orders were lost (accepted, then unknown) or
 * stuck (not final a minute after the run), and the outbox lag (events in each service's
 * {@code event_publication}, sampled every second) over the run. Run with
 * {@code bench/run checkout [-Dbench.rate=5 -Dbench.seconds=60 -Dbench.shoppers=50]}.
 */
public final class CheckoutBench {

	private static final String ADDRESS = """
			{"name":"Ada Lovelace","line1":"1 Analytical Way","city":"Berlin","postalCode":"10115","country":"DE"}""";

	private static final List<String> OUTBOXES = List.of("orders", "products", "payments");

	private CheckoutBench() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
		double rate = Double.parseDouble(System.getProperty("bench.rate", "5"));
		int seconds = Integer.getInteger("bench.seconds", 60);
		int shoppers = Integer.getInteger("bench.shoppers", 50);
		System.out.printf("Emporium checkout bench on %d cores: %.1f orders/s for %d s, %d shoppers%n",
				Runtime.getRuntime().availableProcessors(), rate, seconds, shoppers);
		try (Fleet fleet = BenchFleet.start(root); HttpClient http = HttpClient.newHttpClient()) {
			String gateway = fleet.gatewayUrl();
			BenchHttp.awaitRoute(gateway + "/api/v1/products");
			BenchHttp.awaitRoute(gateway + "/api/v1/cart");
			String vendor = signUp(gateway, "VENDOR");
			String productId = listProduct(gateway, vendor);
			List<String> tokens = new ArrayList<>();
			for (int i = 0; i < shoppers; i++) {
				tokens.add(signUp(gateway, "CUSTOMER"));
			}
			awaitOrderable(http, gateway, tokens.getFirst(), productId);
			Run run = new Run(http, gateway, productId, tokens);
			AtomicBoolean sampling = new AtomicBoolean(true);
			Map<String, List<Long>> outbox = new LinkedHashMap<>();
			Thread sampler = Thread.ofVirtual().start(() -> sampleOutboxes(fleet, sampling, outbox));
			long started = System.nanoTime();
			run.placeAtSteadyRate(rate, seconds);
			double elapsed = (System.nanoTime() - started) / 1e9;
			run.awaitAll(Duration.ofSeconds(60));
			sampling.set(false);
			sampler.join();
			run.print(elapsed);
			printOutbox(outbox);
		}
	}

	static String signUp(String gateway, String role) throws Exception {
		String name = role.toLowerCase(Locale.ROOT) + UUID.randomUUID().toString().substring(0, 8);
		BenchHttp.post(gateway + "/api/v1/auth/register", """
				{"email":"%s@bench.example","username":"%s","password":"%s","firstName":"Bench","lastName":"Shopper",\
				"role":"%s"}""".formatted(name, name, IdentityBench.PASSWORD, role));
		return BenchHttp.field(BenchHttp.post(gateway + "/api/v1/auth/login",
				"{\"login\":\"%s\",\"password\":\"%s\"}".formatted(name, IdentityBench.PASSWORD)), "access_token");
	}

	/** One product with plenty of stock, in the vendor's default store (opened from UserRegistered). */
	private static String listProduct(String gateway, String vendor) throws Exception {
		String body = """
				{"name":"Bench kettle","price":{"amount":"5.00","currency":"EUR"},"variants":[{"sku":"BENCH-%s","stock":1000000}]}"""
			.formatted(UUID.randomUUID().toString().substring(0, 8));
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			try {
				return BenchHttp.field(BenchHttp.post(gateway + "/api/v1/products", body, vendor), "id");
			}
			catch (IllegalStateException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(500);
			}
		}
	}

	/** order-service knows a product once the catalog's events reached it: a cart add works then. */
	private static void awaitOrderable(HttpClient http, String gateway, String token, String productId)
			throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (send(http, post(gateway + "/api/v1/cart/items", cartItem(productId), token)).statusCode() / 100 != 2) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("order-service did not learn of the product within 60 s");
			}
			Thread.sleep(500);
		}
		send(http, HttpRequest.newBuilder(URI.create(gateway + "/api/v1/cart"))
			.header("Authorization", "Bearer " + token)
			.DELETE()
			.build());
	}

	private static String cartItem(String productId) {
		return "{\"productId\":\"%s\",\"quantity\":1}".formatted(productId);
	}

	static HttpRequest post(String url, String json, String token) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Rows waiting in each service's outbox, every second, until told to stop. */
	private static void sampleOutboxes(Fleet fleet, AtomicBoolean sampling, Map<String, List<Long>> samples) {
		Map<String, Connection> connections = new LinkedHashMap<>();
		try {
			for (String db : OUTBOXES) {
				connections.put(db, DriverManager.getConnection(fleet.jdbcUrl(db), db, db + "-demo"));
				samples.put(db, new ArrayList<>());
			}
			while (sampling.get()) {
				for (var entry : connections.entrySet()) {
					try (Statement statement = entry.getValue().createStatement();
							ResultSet rows = statement.executeQuery("SELECT count(*) FROM event_publication")) {
						rows.next();
						samples.get(entry.getKey()).add(rows.getLong(1));
					}
				}
				Thread.sleep(1000);
			}
		}
		catch (Exception ex) {
			System.out.println("outbox sampling stopped: " + ex);
		}
		finally {
			connections.values().forEach((connection) -> {
				try {
					connection.close();
				}
				catch (Exception ex) {
					// closing only
				}
			});
		}
	}

	private static void printOutbox(Map<String, List<Long>> samples) {
		System.out.println();
		System.out.println("== Outbox lag (rows in event_publication, sampled every second)");
		samples.forEach((db, counts) -> {
			long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
			double mean = counts.stream().mapToLong(Long::longValue).average().orElse(0);
			long last = counts.isEmpty() ? 0 : counts.getLast();
			System.out.printf(Locale.ROOT, "%-9s mean %6.1f   max %5d   at the end %d (%d samples)%n", db, mean, max,
					last, counts.size());
		});
	}

	/** The orders of one run and what became of them. */
	private static final class Run {

		private final HttpClient http;

		private final String gateway;

		private final String productId;

		private final List<String> tokens;

		private final ExecutorService shoppers = Executors.newVirtualThreadPerTaskExecutor();

		private final Map<String, String> finalStatus = new ConcurrentHashMap<>();

		private final List<Long> confirmedNanos = java.util.Collections.synchronizedList(new ArrayList<>());

		private final AtomicInteger accepted = new AtomicInteger();

		private final AtomicInteger refused = new AtomicInteger();

		private final AtomicInteger lost = new AtomicInteger();

		private final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();

		Run(HttpClient http, String gateway, String productId, List<String> tokens) {
			this.http = http;
			this.gateway = gateway;
			this.productId = productId;
			this.tokens = tokens;
		}

		void placeAtSteadyRate(double rate, int seconds) throws InterruptedException {
			long interval = (long) (1e9 / rate);
			long start = System.nanoTime();
			int total = (int) Math.round(rate * seconds);
			for (int i = 0; i < total; i++) {
				long due = start + i * interval;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(Duration.ofNanos(wait));
				}
				String token = this.tokens.get(i % this.tokens.size());
				this.shoppers.submit(() -> order(token));
			}
		}

		private void order(String token) {
			try {
				HttpResponse<String> added = send(this.http,
						post(this.gateway + "/api/v1/cart/items", cartItem(this.productId), token));
				if (added.statusCode() / 100 != 2) {
					this.refusals.merge(added.statusCode(), 1, Integer::sum);
					this.refused.incrementAndGet();
					return;
				}
				String body = "{\"shippingAddress\":%s,\"billingAddress\":%s,\"paymentMethod\":\"CARD\"}"
					.formatted(ADDRESS, ADDRESS);
				long placed = System.nanoTime();
				HttpResponse<String> order = send(this.http,
						HttpRequest.newBuilder(URI.create(this.gateway + "/api/v1/orders"))
							.header("Content-Type", "application/json")
							.header("Authorization", "Bearer " + token)
							.header("Idempotency-Key", UUID.randomUUID().toString())
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build());
				if (order.statusCode() != 201) {
					this.refusals.merge(order.statusCode(), 1, Integer::sum);
					this.refused.incrementAndGet();
					return;
				}
				this.accepted.incrementAndGet();
				String id = BenchHttp.field(order.body(), "id");
				String status = BenchHttp.field(order.body(), "status");
				while (!status.equals("CONFIRMED") && !status.equals("CANCELLED")) {
					HttpResponse<String> read = send(this.http, HttpRequest
						.newBuilder(URI.create(this.gateway + "/api/v1/orders/" + id + "?waitForChangeFrom=" + status
								+ "&timeout=20"))
						.header("Authorization", "Bearer " + token)
						.build());
					if (read.statusCode() == 404) {
						this.lost.incrementAndGet();
						return;
					}
					if (read.statusCode() == 200) {
						status = BenchHttp.field(read.body(), "status");
					}
				}
				this.finalStatus.put(id, status);
				if (status.equals("CONFIRMED")) {
					this.confirmedNanos.add(System.nanoTime() - placed);
				}
			}
			catch (Exception ex) {
				this.refusals.merge(-1, 1, Integer::sum);
				this.refused.incrementAndGet();
			}
		}

		void awaitAll(Duration grace) throws InterruptedException {
			this.shoppers.shutdown();
			this.shoppers.awaitTermination(grace.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
			this.shoppers.shutdownNow();
		}

		void print(double elapsed) {
			long[] latencies = this.confirmedNanos.stream().mapToLong(Long::longValue).sorted().toArray();
			long confirmed = this.finalStatus.values().stream().filter("CONFIRMED"::equals).count();
			long cancelled = this.finalStatus.values().stream().filter("CANCELLED"::equals).count();
			int stuck = this.accepted.get() - this.finalStatus.size() - this.lost.get();
			System.out.println();
			System.out.println("== Checkout through the gateway (cart add + POST /orders, then long-poll to a final state)");
			System.out.printf(Locale.ROOT, "orders accepted (201)   %d in %.1f s; refused %d %s%n", this.accepted.get(),
					elapsed, this.refused.get(), this.refusals);
			System.out.printf(Locale.ROOT, "confirmed               %d (%.2f per second over the run)%n", confirmed,
					confirmed / elapsed);
			System.out.printf("cancelled               %d%n", cancelled);
			System.out.printf("lost (accepted, then 404) %d   stuck (not final 60 s after the run) %d   (both must be 0)%n",
					this.lost.get(), stuck);
			if (latencies.length > 0) {
				System.out.printf(Locale.ROOT, "POST /orders -> CONFIRMED  p50 %.0f ms   p99 %.0f ms   max %.0f ms%n",
						latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
						latencies[latencies.length - 1] / 1e6);
			}
			else {
				System.out.println("no order was confirmed: " + Arrays.toString(latencies));
			}
		}

	}

}
