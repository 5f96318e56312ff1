package com.emporium.devstack.fleet;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service jar in {@link FleetTests}: answers {@code /actuator/health} with UP on
 * {@code SERVER_PORT}, or exits with 3 when its name is in {@code FAKE_EXIT_SERVICE}.
 */
public final class FakeService {

	private FakeService() {
	}

	public static void main(String[] args) throws Exception {
		String jar = System.getProperty("sun.java.command").split(" ")[0];
		String name = Path.of(jar).getFileName().toString().replace(".jar", "");
		if (name.equals(System.getenv("FAKE_EXIT_SERVICE"))) {
			System.out.println(name + " fails on purpose");
			System.exit(3);
		}
		int port = Integer.parseInt(System.getenv("SERVER_PORT"));
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		byte[] body = "{\"status\":\"UP\",\"groups\":[\"liveness\"]}".getBytes(StandardCharsets.UTF_8);
		server.createContext("/actuator/health", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		System.out.println(name + " up on " + port);
	}

}
