package com.emporium.bench;

import java.time.Duration;
import java.util.function.Function;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One phase of the gateway-overhead measurement, against one base URL ({@code bench.target}):
 * {@code max} keeps {@code bench.users} requests in flight (closed model: throughput), {@code rate}
 * sends {@code bench.rate} requests per second (open model: latency at a steady rate). The
 * harness ({@link FleetBench}) runs the phases one after another, direct and through the gateway,
 * and reads Gatling's summary of each.
 */
public class GatewayOverheadSimulation extends Simulation {

	static final String PATH = System.getProperty("bench.path", "/api/v1/products?size=10");

	static final int USERS = Integer.getInteger("bench.users", 16);

	static final int RATE = Integer.getInteger("bench.rate", 200);

	static final Duration DURATION = Duration.ofSeconds(Long.getLong("bench.seconds", 20));

	{
		String target = System.getProperty("bench.target");
		String mode = System.getProperty("bench.mode", "max");
		HttpProtocolBuilder protocol = http.shareConnections().acceptHeader("application/json");
		Function<String, ScenarioBuilder> get = (name) -> scenario(name)
			.exec(http(name).get(target + PATH).check(status().is(200)));
		PopulationBuilder population = mode.equals("rate") ? LeadIn.open(get, mode, RATE, DURATION)
				: LeadIn.closed(get, mode, USERS, DURATION);
		setUp(population.protocols(protocol));
	}

}
