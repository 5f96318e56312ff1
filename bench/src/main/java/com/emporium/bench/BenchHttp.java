package com.emporium.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Plain HTTP calls the harnesses make to set a fleet up, through its public API. */
final class BenchHttp {

	private BenchHttp() {
	}

	/** Healthy services are routed to once the gateway's registry has them (Eureka, a few seconds). */
	static void awaitRoute(String url) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		try (HttpClient http = HttpClient.newHttpClient()) {
			while (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() != 200) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The gateway did not route " + url + " within 90 s");
				}
				Thread.sleep(500);
			}
		}
	}

	static String post(String url, String json) throws Exception {
		return post(url, json, null);
	}

	/** POSTs JSON, with a bearer token when one is given; anything but a 2xx is an exception. */
	static String post(String url, String json, @Nullable String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
	}

	static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + name + " in " + json);
		}
		return matcher.group(1);
	}

	/**
	 * Waits until the demo purchase history is replayed and a model trained from it serves
	 * recommendations: model version {@code 1} (or a later one) is the active one. Until then the
	 * recommendation service is busy (tens of thousands of interactions, then a training run).
	 */
	static void awaitDemoModel(String gateway, Duration timeout) throws Exception {
		String admin = field(post(gateway + "/api/v1/auth/login",
				"{\"login\":\"admin\",\"password\":\"local-demo-only-Kestrel-42\"}"), "access_token");
		awaitActiveVersion(gateway, admin, 1, timeout);
	}

	/** Waits until the model version {@code version} (or a later one) is the active one. */
	static void awaitActiveVersion(String gateway, String admin, long version, Duration timeout) throws Exception {
		Pattern active = Pattern.compile("\"version\"\\s*:\\s*(\\d+)\\s*,\\s*\"status\"\\s*:\\s*\"ACTIVE\"");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			HttpResponse<String> models = send(gateway + "/api/v1/admin/recommendations/models", admin);
			// While the service replays the demo history and trains, both cores are busy and the
			// gateway may give up on a poll (503/504): that is "not yet", not a failure.
			if (models.statusCode() != 200 && models.statusCode() != 503 && models.statusCode() != 504) {
				throw new IllegalStateException("The model list answered " + models.statusCode() + ": " + models.body());
			}
			Matcher matcher = active.matcher(models.body());
			if (models.statusCode() == 200 && matcher.find() && Long.parseLong(matcher.group(1)) >= version) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("No model version " + version + " was active within " + timeout);
			}
			Thread.sleep(2_000);
		}
	}

	/** GETs, with a bearer token when one is given; anything but a 200 is an exception. */
	static String get(String url, @Nullable String bearer) throws Exception {
		return ok(send(url, bearer));
	}

	/** The body of a 200 answer; any other status is an error naming the URL. */
	static String ok(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					response.uri() + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static HttpResponse<String> send(String url, @Nullable String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
