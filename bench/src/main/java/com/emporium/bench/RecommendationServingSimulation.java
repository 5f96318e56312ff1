package com.emporium.bench;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One phase of the serving figures, through the gateway ({@code bench.target}), at a steady
 * {@code bench.rate} requests/s (open model). Modes: {@code me} ({@code GET
 * /api/v1/recommendations/users/me} with a token drawn from {@code bench.tokens}) and
 * {@code similar} ({@code GET /api/v1/recommendations/products/{id}/similar} over
 * {@code bench.productIds}). Each answer must be a 200 with at least one item. Measured after a
 * {@link LeadIn}.
 */
public class RecommendationServingSimulation extends Simulation {

	{
		String target = System.getProperty("bench.target");
		String mode = System.getProperty("bench.mode");
		Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
		Iterator<Map<String, Object>> feeder = Feeders.randomFrom(new String[] { "token", "bench.tokens", "" },
				new String[] { "id", "bench.productIds", "" });
		Function<String, HttpRequestActionBuilder> request = switch (mode) {
			case "me" -> (name) -> http(name).get(target + "/api/v1/recommendations/users/me?context=homepage&limit=10")
				.header("Authorization", "Bearer #{token}");
			case "similar" -> (name) -> http(name)
				.get(target + "/api/v1/recommendations/products/#{id}/similar?limit=10");
			default -> throw new IllegalArgumentException("Unknown mode " + mode);
		};
		Function<String, ScenarioBuilder> scenario = (name) -> scenario(name).feed(feeder)
			.exec(request.apply(name).check(status().is(200), jsonPath("$.items[0].productId").exists()));
		HttpProtocolBuilder protocol = http.shareConnections().acceptHeader("application/json");
		setUp(LeadIn.open(scenario, mode, Integer.getInteger("bench.rate", 200), duration).protocols(protocol));
	}

}
