package com.emporium.bench;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One phase of the search figures, through the gateway ({@code bench.target}). Modes:
 * {@code search} (full-text search with facets, {@code bench.rate} requests/s), {@code uncached} (the
 * same, each query made unique so that no search cache can answer it), {@code ilike} (the
 * same queries by the {@code mode=ilike} baseline, same rate), {@code get} ({@code GET
 * /api/v1/products/{id}} over {@code bench.productIds}, {@code bench.users} in flight). Queries are
 * drawn at random from {@code bench.queries} (comma-separated). {@code bench.closed=true} runs any
 * mode as {@code get} does: {@code bench.users} in flight, each sending its next request when the
 * last is answered (how fast each can go, rather than how it holds a rate).
 */
public class SearchSimulation extends Simulation {

	{
		String target = System.getProperty("bench.target");
		String mode = System.getProperty("bench.mode");
		Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
		Iterator<Map<String, Object>> random = Feeders.randomFrom(new String[] { "q", "bench.queries", "lantern" },
				new String[] { "id", "bench.productIds", "" });
		AtomicLong searches = new AtomicLong();
		// "uncached": a search never made before, as costly as the query itself (the unique word
		// matches nothing, and "or" lets the query's own matches through).
		Iterator<Map<String, Object>> feeder = Stream.generate(() -> {
			Map<String, Object> record = random.next();
			if (mode.equals("uncached")) {
				record.put("q", record.get("q") + " or zq" + searches.incrementAndGet() + "x");
			}
			return record;
		}).iterator();
		String suffix = mode.equals("ilike") ? "&mode=ilike" : "";
		String url = mode.equals("get") ? target + "/api/v1/products/#{id}"
				: target + "/api/v1/search?q=#{q}&size=20" + suffix;
		Function<String, ScenarioBuilder> scenario = (name) -> scenario(name).feed(feeder)
			.exec(http(name).get(url).check(status().is(200)));
		HttpProtocolBuilder protocol = http.shareConnections().acceptHeader("application/json");
		PopulationBuilder population = (mode.equals("get") || Boolean.getBoolean("bench.closed"))
				? LeadIn.closed(scenario, mode, Integer.getInteger("bench.users", 8), duration)
				: LeadIn.open(scenario, mode, Integer.getInteger("bench.rate", 50), duration);
		setUp(population.protocols(protocol));
	}

}
