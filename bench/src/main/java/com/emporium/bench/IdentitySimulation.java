package com.emporium.bench;

import java.time.Duration;
import java.util.function.Function;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One phase of the identity figures, through the gateway ({@code bench.target}), with
 * {@code bench.users} requests in flight for {@code bench.seconds}. Modes: {@code login} (sign in
 * with {@code bench.login}/{@code bench.password}), {@code anonymous} and {@code bearer} (the same
 * public {@code GET /api/v1/users/{bench.userId}} without and with {@code bench.token}: the only
 * difference is the token check), {@code me} ({@code GET /api/v1/users/me} with the token).
 */
public class IdentitySimulation extends Simulation {

	{
		String target = System.getProperty("bench.target");
		String mode = System.getProperty("bench.mode");
		int users = Integer.getInteger("bench.users", 16);
		Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
		String token = "Bearer " + System.getProperty("bench.token", "");
		String user = target + "/api/v1/users/" + System.getProperty("bench.userId");
		Function<String, HttpRequestActionBuilder> request = switch (mode) {
			case "login" -> (name) -> http(name).post(target + "/api/v1/auth/login")
				.header("Content-Type", "application/json")
				.body(StringBody("{\"login\":\"%s\",\"password\":\"%s\"}".formatted(System.getProperty("bench.login"),
						System.getProperty("bench.password"))));
			case "anonymous" -> (name) -> http(name).get(user);
			case "bearer" -> (name) -> http(name).get(user).header("Authorization", token);
			case "me" -> (name) -> http(name).get(target + "/api/v1/users/me").header("Authorization", token);
			default -> throw new IllegalArgumentException("Unknown mode " + mode);
		};
		Function<String, ScenarioBuilder> scenario = (name) -> scenario(name)
			.exec(request.apply(name).check(status().is(200)));
		HttpProtocolBuilder protocol = http.shareConnections().acceptHeader("application/json");
		setUp(LeadIn.closed(scenario, mode, users, duration).protocols(protocol));
	}

}
