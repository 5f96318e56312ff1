package com.emporium.bench;

import java.time.Duration;
import java.util.function.Function;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

/**
 * How every simulation loads a phase: first {@code bench.leadInSeconds} (10) of the same load whose
 * requests are named {@value #NAME} and not counted, then, in the same Gatling JVM, the measured
 * {@code bench.seconds}, whose requests are named after the mode ({@link GatlingRunner} reads that
 * request's figures). Each phase runs in a JVM of its own, and a new JVM is cold: in its first
 * seconds Gatling's own JIT compiles on the same two cores as the fleet and its connections are new.
 * Counted, those seconds put 100-300 ms on the first few hundred requests of every phase, a p99 of
 * 125 ms on a phase whose later seconds' p99 was 4-19 ms: a figure of the load tool, not of the fleet.
 */
final class LeadIn {

	/** The lead-in's scenario and request name. */
	static final String NAME = "lead-in";

	private static final Duration LENGTH = Duration.ofSeconds(Long.getLong("bench.leadInSeconds", 10));

	private LeadIn() {
	}

	/**
	 * {@code rate} new requests per second (open model: latency at a steady rate).
	 * @param scenario the phase's scenario, and its one request, under a given name
	 */
	static PopulationBuilder open(Function<String, ScenarioBuilder> scenario, String mode, int rate,
			Duration duration) {
		PopulationBuilder measured = scenario.apply(mode).injectOpen(constantUsersPerSec(rate).during(duration));
		return LENGTH.isZero() ? measured
				: scenario.apply(NAME).injectOpen(constantUsersPerSec(rate).during(LENGTH)).andThen(measured);
	}

	/**
	 * {@code users} requests in flight, each sending the next when the last is answered (closed model:
	 * how fast it goes).
	 * @param scenario the phase's scenario, and its one request, under a given name
	 */
	static PopulationBuilder closed(Function<String, ScenarioBuilder> scenario, String mode, int users,
			Duration duration) {
		PopulationBuilder measured = scenario.apply(mode)
			.injectClosed(constantConcurrentUsers(users).during(duration));
		return LENGTH.isZero() ? measured
				: scenario.apply(NAME).injectClosed(constantConcurrentUsers(users).during(LENGTH)).andThen(measured);
	}

}
