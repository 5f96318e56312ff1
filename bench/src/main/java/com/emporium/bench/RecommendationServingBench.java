package com.emporium.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.emporium.devstack.fleet.Fleet;

/**
 * Issue 7's serving figures, through the gateway: the fleet starts as {@code ./emporium start}
 * does (the demo catalog, then the demo purchase history replayed and a first model trained),
 * {@code bench.shoppers} (100) new customers sign up and each views a few products and puts one in
 * the cart, an admin retrains so that the model knows them (the gate decides whether that version
 * is served; the run's decision is printed), then Gatling asks at a steady
 * {@code bench.rate} (200) requests/s for {@code GET /recommendations/users/me} (each shopper's
 * own token) and then {@code GET /recommendations/products/{id}/similar} (demo products), 60 s
 * each after a warm-up. Prints p50/p99 and throughput of each; target p99 under 20 ms.
 * {@code -Dbench.gateway=<url>} measures a fleet already running instead of starting one.
 */
public final class RecommendationServingBench {

	private static final Pattern PRODUCT_ID = Pattern.compile("\"(?:productId|id)\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private RecommendationServingBench() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
		int rate = Integer.getInteger("bench.rate", 200);
		int shoppers = Integer.getInteger("bench.shoppers", 100);
		int seconds = Integer.getInteger("bench.seconds", 60);
		System.out.printf("Emporium recommendation serving bench on %d cores, %s%n",
				Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		// -Dbench.gateway: a fleet already running (./emporium start on a fresh var/, the gateway's rate
		// limit off), whose Kafka and MongoDB live in the launcher's JVM rather than in this one.
		String attached = System.getProperty("bench.gateway");
		try (Fleet fleet = (attached == null) ? BenchFleet.start(root) : null;
				HttpClient http = HttpClient.newHttpClient()) {
			Path var = (fleet != null) ? fleet.options().varDir() : Files.createTempDirectory("emporium-bench-");
			String gateway = (fleet != null) ? fleet.gatewayUrl() : attached;
			System.out.println((fleet != null) ? "Fleet started by this bench"
					: "Fleet already running, gateway " + gateway + " (its infrastructure in the launcher's JVM)");
			long started = System.nanoTime();
			BenchHttp.awaitRoute(gateway + "/api/v1/recommendations/popular");
			String admin = BenchHttp.field(BenchHttp.post(gateway + "/api/v1/auth/login",
					"{\"login\":\"admin\",\"password\":\"local-demo-only-Kestrel-42\"}"), "access_token");
			BenchHttp.awaitActiveVersion(gateway, admin, 1, Duration.ofMinutes(15));
			System.out.printf("%n== Demo history replayed and model version 1 active %.0f s after the gateway answered%n",
					(System.nanoTime() - started) / 1e9);

			Set<String> products = new LinkedHashSet<>(ids(BenchHttp.get(gateway + "/api/v1/recommendations/popular?limit=50", null)));
			products.addAll(ids(BenchHttp.get(gateway + "/api/v1/products?size=100&sort=newest", null)));
			List<String> productIds = new ArrayList<>(products);
			List<String> tokens = new ArrayList<>();
			for (int i = 0; i < shoppers; i++) {
				String token = CheckoutBench.signUp(gateway, "CUSTOMER");
				for (int view = 0; view < 5; view++) {
					BenchHttp.get(gateway + "/api/v1/products/" + pick(productIds), token);
				}
				CheckoutBench.send(http, CheckoutBench.post(gateway + "/api/v1/cart/items",
						"{\"productId\":\"%s\",\"quantity\":1}".formatted(pick(productIds)), token));
				tokens.add(token);
			}
			System.out.printf("== %d shoppers signed up, each viewed 5 of %d demo products and added one to the cart%n",
					shoppers, productIds.size());
			Thread.sleep(5_000);
			long retrain = System.nanoTime();
			String run = BenchHttp.field(BenchHttp.post(gateway + "/api/v1/admin/recommendations/training-runs", "", admin),
					"id");
			String finished = awaitRun(gateway, admin, run, Duration.ofMinutes(5));
			System.out.printf("== Retrained on demand in %.1f s: %s, %s (%s)%n", (System.nanoTime() - retrain) / 1e9,
					BenchHttp.field(finished, "status"), BenchHttp.field(finished, "decision"),
					BenchHttp.field(finished, "reason"));

			String[] properties = { "bench.tokens=" + String.join(",", tokens),
					"bench.productIds=" + String.join(",", productIds), "bench.rate=" + rate };
			GatlingRunner.warmUp(RecommendationServingSimulation.class, var, "warmup-me", gateway, "me", 20, properties);
			GatlingRunner.warmUp(RecommendationServingSimulation.class, var, "warmup-similar", gateway, "similar", 20,
					properties);
			GatlingRunner.Summary me = GatlingRunner.run(RecommendationServingSimulation.class, var, "me", gateway, "me",
					seconds, properties);
			GatlingRunner.Summary similar = GatlingRunner.run(RecommendationServingSimulation.class, var, "similar",
					gateway, "similar", seconds, properties);
			System.out.printf("%n== Recommendations through the gateway at %d requests/s for %d s each%n", rate, seconds);
			System.out.println("endpoint                          ok  failed   p50 ms   p99 ms   req/s");
			print("users/me (" + shoppers + " shoppers)", me);
			print("products/{id}/similar (" + productIds.size() + ")", similar);
			System.out.printf("Target: p99 under 20 ms at 200 requests/s: users/me %s, similar %s%n",
					verdict(me), verdict(similar));
			System.out.println("Gatling reports and logs: " + var.resolve("gatling"));
		}
	}

	private static String verdict(GatlingRunner.Summary summary) {
		return (summary.p99() < 20 && summary.failed() == 0) ? "met" : "NOT met";
	}

	private static void print(String phase, GatlingRunner.Summary summary) {
		System.out.printf("%-30s %6d %7d %8d %8d %7.1f%n", phase, summary.ok(), summary.failed(), summary.p50(),
				summary.p99(), summary.throughput());
	}

	private static String pick(List<String> values) {
		return values.get(ThreadLocalRandom.current().nextInt(values.size()));
	}

	private static List<String> ids(String json) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = PRODUCT_ID.matcher(json);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	private static String awaitRun(String gateway, String admin, String run, Duration timeout)
			throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			HttpResponse<String> view = BenchHttp.send(gateway + "/api/v1/admin/recommendations/training-runs/" + run,
					admin);
			// A training run keeps the service's (and, embedded, MongoDB's) CPU busy: the gateway may
			// answer a poll with 504 "try again shortly" meanwhile.
			if (view.statusCode() != 504) {
				String status = BenchHttp.field(BenchHttp.ok(view), "status");
				if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
					return view.body();
				}
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Training run " + run + " did not finish within " + timeout);
			}
			Thread.sleep(1_000);
		}
	}

}
