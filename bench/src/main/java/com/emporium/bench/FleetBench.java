package com.emporium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.devstack.fleet.Fleet;
import com.emporium.devstack.fleet.FleetOptions;
import com.emporium.devstack.fleet.ServiceInfo;

/**
 * The fleet's figures, printed: cold start to all-healthy, idle resident memory per service, and
 * the gateway's overhead (the same GET through the gateway and straight to the service, measured
 * side by side by Gatling in one run). Run with {@code bench/run fleet}.
 */
public final class FleetBench {

	private static final JsonMapper JSON = JsonMapper.shared();

	private FleetBench() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
		Path var = Files.createTempDirectory("emporium-bench-");
		Duration idle = Duration.ofSeconds(Long.getLong("bench.idleSeconds", 30));
		System.out.printf("Emporium fleet bench on %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

		try (Fleet fleet = Fleet.start(FleetOptions.builder(root).varDir(var).freePorts(true).build())) {
			printColdStart(fleet);
			seedProducts(fleet, 50);
			Thread.sleep(idle);
			printMemory(fleet, idle);
			printGatewayOverhead(fleet, var);
		}
	}

	private static void printColdStart(Fleet fleet) {
		System.out.println();
		System.out.println("== Cold start (fresh var/, embedded infrastructure, every service its own JVM)");
		System.out.printf("infrastructure ready   %6.1f s%n", seconds(fleet.startedAt(), fleet.infrastructureReadyAt()));
		for (ServiceInfo service : fleet.services()) {
			System.out.printf("%-22s %6.1f s to healthy%n", service.name(), service.startupTime().toMillis() / 1000.0);
		}
		System.out.printf("ALL HEALTHY            %6.1f s (target < 90 s)%n", seconds(fleet.startedAt(), fleet.readyAt()));
	}

	private static void printMemory(Fleet fleet, Duration idle) throws IOException {
		System.out.println();
		System.out.printf("== Idle resident memory (RSS after %d s idle)%n", idle.toSeconds());
		long total = 0;
		for (ServiceInfo service : fleet.services()) {
			long rss = rssKiB(service.pid());
			total += rss;
			System.out.printf("%-22s %6d MiB%s%n", service.name(), rss / 1024,
					rss / 1024 >= 300 ? "  (over the 300 MB target)" : "");
		}
		System.out.printf("%-22s %6d MiB%n", "services total", total / 1024);
		long postgres = ProcessHandle.current()
			.descendants()
			.filter(process -> process.info().command().orElse("").contains("postgres"))
			.mapToLong(process -> rssKiB(process.pid()))
			.sum();
		System.out.printf("%-22s %6d MiB%n", "PostgreSQL processes", postgres / 1024);
		System.out.printf("%-22s %6d MiB (Kafka and MongoDB run inside this JVM)%n", "bench JVM",
				rssKiB(ProcessHandle.current().pid()) / 1024);
	}

	private static void printGatewayOverhead(Fleet fleet, Path var) throws Exception {
		String direct = fleet.url("product-service");
		String gateway = fleet.gatewayUrl();
		Path results = var.resolve("gatling");
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx768m", "-cp", System.getProperty("java.class.path"), "-Dbench.direct=" + direct,
				"-Dbench.gateway=" + gateway));
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter(name -> name.startsWith("bench."))
			.forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
		command.addAll(List.of("io.gatling.app.Gatling", "-s", GatewayOverheadSimulation.class.getName(), "-rf",
				results.toString(), "-rd", "gateway-overhead"));
		System.out.println();
		System.out.printf("== Gateway overhead: GET %s, direct %s vs gateway %s (Gatling, one run)%n",
				GatewayOverheadSimulation.PATH, direct, gateway);
		Process gatling = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(var.resolve("gatling.log").toFile())
			.start();
		if (gatling.waitFor() != 0) {
			throw new IllegalStateException("Gatling failed; see " + var.resolve("gatling.log"));
		}
		Map<String, JsonNode> stats = requestStats(results);
		long throughputSeconds = Long.getLong("bench.throughputSeconds", 20);
		JsonNode directMax = stats.get("direct-max");
		JsonNode gatewayMax = stats.get("gateway-max");
		double directRps = count(directMax) / (double) throughputSeconds;
		double gatewayRps = count(gatewayMax) / (double) throughputSeconds;
		System.out.printf("%-34s %10s %10s %8s%n", "", "direct", "gateway", "ratio");
		System.out.printf("%-34s %10.0f %10.0f %8.2f  (target gateway/direct >= 0.70)%n",
				"throughput, " + GatewayOverheadSimulation.USERS + " users (req/s)", directRps, gatewayRps,
				gatewayRps / directRps);
		JsonNode directRate = stats.get("direct-rate");
		JsonNode gatewayRate = stats.get("gateway-rate");
		for (String[] percentile : new String[][] { { "percentiles1", "p50" }, { "percentiles4", "p99" } }) {
			double d = directRate.get(percentile[0]).get("total").asDouble();
			double g = gatewayRate.get(percentile[0]).get("total").asDouble();
			System.out.printf("%-34s %10.1f %10.1f %+8.1f ms added%s%n",
					percentile[1] + " at " + GatewayOverheadSimulation.RATE + " req/s (ms)", d, g, g - d,
					percentile[1].equals("p99") ? " (target < 5 ms)" : "");
		}
		System.out.printf("%-34s %10d %10d%n", "failed requests (all phases)", failed(directMax) + failed(directRate),
				failed(gatewayMax) + failed(gatewayRate));
		System.out.println("Gatling report: " + results);
	}

	private static Map<String, JsonNode> requestStats(Path results) throws IOException {
		Path statsFile;
		try (Stream<Path> files = Files.walk(results)) {
			statsFile = files.filter(path -> path.endsWith(Path.of("js", "stats.json")))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No Gatling stats.json under " + results));
		}
		Map<String, JsonNode> stats = new TreeMap<>();
		JSON.readTree(statsFile.toFile()).get("contents").valueStream().forEach(request -> {
			stats.put(request.get("name").asString(), request.get("stats"));
		});
		return stats;
	}

	private static long count(JsonNode stats) {
		return stats.get("numberOfRequests").get("ok").asLong();
	}

	private static long failed(JsonNode stats) {
		return stats.get("numberOfRequests").get("ko").asLong();
	}

	private static void seedProducts(Fleet fleet, int count) throws SQLException {
		try (Connection connection = DriverManager.getConnection(fleet.jdbcUrl("products"), "products",
				"products-demo");
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO products (id, name, description, price_amount, price_currency, created_at) "
								+ "VALUES (gen_random_uuid(), ?, ?, ?, 'GBP', now())")) {
			for (int i = 0; i < count; i++) {
				insert.setString(1, "Bench product " + i);
				insert.setString(2, "A product seeded by the bench harness.");
				insert.setBigDecimal(3, new java.math.BigDecimal("1.25").add(java.math.BigDecimal.valueOf(i)));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static long rssKiB(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
		return 0;
	}

	private static double seconds(java.time.Instant from, java.time.Instant to) {
		return Duration.between(from, to).toMillis() / 1000.0;
	}

	static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
