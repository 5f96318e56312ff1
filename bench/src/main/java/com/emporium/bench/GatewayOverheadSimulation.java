package com.emporium.bench;

import java.time.Duration;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The same GET, once straight to the product service and once through the gateway, run one after
 * the other in one simulation: first as fast as a fixed number of users can go (throughput), then
 * at a fixed arrival rate (latency at a steady rate). Request names carry the phase, so the
 * harness reads each figure from Gatling's stats.
 */
public class GatewayOverheadSimulation extends Simulation {

	static final String PATH = System.getProperty("bench.path", "/api/v1/products?size=10");

	static final int USERS = Integer.getInteger("bench.users", 16);

	static final int RATE = Integer.getInteger("bench.rate", 200);

	static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 15));

	static final Duration THROUGHPUT = Duration.ofSeconds(Long.getLong("bench.throughputSeconds", 20));

	static final Duration STEADY = Duration.ofSeconds(Long.getLong("bench.steadySeconds", 30));

	{
		String direct = System.getProperty("bench.direct");
		String gateway = System.getProperty("bench.gateway");
		HttpProtocolBuilder protocol = http.shareConnections().acceptHeader("application/json");
		PopulationBuilder chain = closed("warmup-direct", direct, USERS / 2, WARMUP, protocol)
			.andThen(closed("warmup-gateway", gateway, USERS / 2, WARMUP, protocol))
			.andThen(closed("direct-max", direct, USERS, THROUGHPUT, protocol))
			.andThen(closed("gateway-max", gateway, USERS, THROUGHPUT, protocol))
			.andThen(open("direct-rate", direct, protocol))
			.andThen(open("gateway-rate", gateway, protocol));
		setUp(chain);
	}

	private static PopulationBuilder closed(String name, String base, int users, Duration duration,
			HttpProtocolBuilder protocol) {
		// One request per virtual user; the closed model keeps `users` requests in flight at all times.
		ScenarioBuilder once = scenario(name).exec(http(name).get(base + PATH).check(status().is(200)));
		return once.injectClosed(constantConcurrentUsers(Math.max(1, users)).during(duration)).protocols(protocol);
	}

	private static PopulationBuilder open(String name, String base, HttpProtocolBuilder protocol) {
		ScenarioBuilder once = scenario(name).exec(http(name).get(base + PATH).check(status().is(200)));
		return once.injectOpen(constantUsersPerSec(RATE).during(STEADY)).protocols(protocol);
	}

}
