package com.emporium.product;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * One WireMock server for the HTTP APIs outside the platform the service calls (exchange rates,
 * the LLM), started once per test JVM on a free port and named in the shared context's
 * configuration, so that every test class keeps one context.
 */
public final class ExternalApis {

	private static WireMockServer server;

	private ExternalApis() {
	}

	public static synchronized WireMockServer server() {
		if (server == null) {
			server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

}
