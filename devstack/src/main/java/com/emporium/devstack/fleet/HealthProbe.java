package com.emporium.devstack.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Spring Boot's {@code /actuator/health} without a JSON library. */
public final class HealthProbe {

	/** The status was not read: connection refused, timeout or an unexpected answer. */
	public static final String UNREACHABLE = "DOWN (no answer)";

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private HealthProbe() {
	}

	/**
	 * @param baseUrl e.g. {@code http://localhost:8083}
	 * @return {@code UP}, another status such as {@code DOWN}, or {@link #UNREACHABLE}
	 */
	public static String status(String baseUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
			.timeout(Duration.ofSeconds(3))
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			// Boot answers 200 only for UP; components may say UP while the aggregate says DOWN, so the
			// status code decides and the body only names the status.
			String body = response.body();
			Matcher matcher = STATUS.matcher(body);
			String status = topLevelStatus(body, matcher);
			if (response.statusCode() == 200 && "UP".equals(status)) {
				return "UP";
			}
			if (status != null && !"UP".equals(status)) {
				return status;
			}
			return "DOWN (HTTP " + response.statusCode() + ")";
		}
		catch (IOException ex) {
			return UNREACHABLE;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return UNREACHABLE;
		}
	}

	/** The last top-level {@code "status"} (Boot writes it after {@code components}/{@code groups}). */
	private static String topLevelStatus(String body, Matcher matcher) {
		String found = null;
		while (matcher.find()) {
			if (depthAt(body, matcher.start()) == 1) {
				found = matcher.group(1);
			}
		}
		return found;
	}

	private static int depthAt(String body, int index) {
		int depth = 0;
		boolean inString = false;
		for (int i = 0; i < index; i++) {
			char c = body.charAt(i);
			if (c == '"' && (i == 0 || body.charAt(i - 1) != '\\')) {
				inString = !inString;
			}
			else if (!inString && (c == '{' || c == '[')) {
				depth++;
			}
			else if (!inString && (c == '}' || c == ']')) {
				depth--;
			}
		}
		return depth;
	}

}
