package com.emporium.platform.test;

import java.util.Locale;

/**
 * Which servers {@link EmporiumIntegrationTest}s use: {@code embedded} (default: zonky PostgreSQL,
 * Kafka's own KRaft server, mongo-java-server, no Docker) or {@code containers} (Testcontainers,
 * real images; Maven profile {@code testcontainers}). Set by the system property
 * {@code emporium.test.infrastructure}.
 */
final class TestInfrastructureMode {

	static final String PROPERTY = "emporium.test.infrastructure";

	private TestInfrastructureMode() {
	}

	static boolean containers() {
		return "containers".equals(System.getProperty(PROPERTY, "embedded").toLowerCase(Locale.ROOT));
	}

}
