package com.emporium.devstack.fleet;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The services of the fleet, in start order, with the ports and variables of
 * {@code docs/configuration.md}. Services of the same {@link #stage()} start in parallel.
 */
public enum FleetService {

	/** Eureka. */
	DISCOVERY("discovery", "DISCOVERY_PORT", 8761, 0, false, null),

	/** Spring Cloud Config serving {@code config-repo/}. */
	CONFIG_SERVER("config-server", "CONFIG_SERVER_PORT", 8888, 0, false, null),

	/** Accounts, roles, JWTs and the JWKS. */
	USER_SERVICE("user-service", "USER_SERVICE_PORT", 8081, 2, true, "users"),

	/** Catalogue, pricing and inventory. */
	PRODUCT_SERVICE("product-service", "PRODUCT_SERVICE_PORT", 8082, 2, true, "products"),

	/** Orders. */
	ORDER_SERVICE("order-service", "ORDER_SERVICE_PORT", 8083, 2, true, "orders"),

	/** Payments. */
	PAYMENT_SERVICE("payment-service", "PAYMENT_SERVICE_PORT", 8084, 2, true, "payments"),

	/** Recommendations (MongoDB). */
	RECOMMENDATION_SERVICE("recommendation-service", "RECOMMENDATION_SERVICE_PORT", 8085, 2, true, null),

	/** The only port a client needs. */
	GATEWAY("gateway", "GATEWAY_PORT", 8080, 2, true, null);

	private final String serviceName;

	private final String portVariable;

	private final int defaultPort;

	private final int stage;

	private final boolean swaggerUi;

	private final String database;

	FleetService(String serviceName, String portVariable, int defaultPort, int stage, boolean swaggerUi,
			String database) {
		this.serviceName = serviceName;
		this.portVariable = portVariable;
		this.defaultPort = defaultPort;
		this.stage = stage;
		this.swaggerUi = swaggerUi;
		this.database = database;
	}

	/**
	 * @return the Maven module, jar and {@code spring.application.name}, e.g. {@code order-service}
	 */
	public String serviceName() {
		return this.serviceName;
	}

	/**
	 * @return e.g. {@code ORDER_SERVICE_PORT}
	 */
	public String portVariable() {
		return this.portVariable;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	/**
	 * @return start order: 0 discovery, 1 config-server, 2 business services (in parallel), 3 gateway
	 */
	public int stage() {
		return this.stage;
	}

	/**
	 * @return whether the service serves {@code /swagger-ui.html}
	 */
	public boolean swaggerUi() {
		return this.swaggerUi;
	}

	/**
	 * @return whether it loads its configuration from config-server (and so gets profile
	 * {@code local}); discovery and config-server do not
	 */
	public boolean fetchesConfiguration() {
		return this.stage >= 2;
	}

	/**
	 * @return the PostgreSQL database (and login role) the service owns, or {@code null}
	 */
	public String database() {
		return this.database;
	}

	/**
	 * @return the prefix of the service's datasource variables, e.g. {@code ORDER_DB}, or {@code null}
	 */
	public String databaseVariablePrefix() {
		return (this.database != null) ? name().replace("_SERVICE", "") + "_DB" : null;
	}

	/**
	 * @return the demo-only password of the service's role in the embedded devstack, e.g.
	 * {@code orders-demo}
	 */
	public String demoPassword() {
		return (this.database != null) ? this.database + "-demo" : null;
	}

	/**
	 * @return the jar relative to the repository root, e.g. {@code order-service/target/order-service.jar}
	 */
	public String jar() {
		return this.serviceName + "/target/" + this.serviceName + ".jar";
	}

	/**
	 * @param name a service name such as {@code order-service}
	 * @return the service
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static FleetService named(String name) {
		return Arrays.stream(values())
			.filter(service -> service.serviceName.equals(name) || service.name().equals(name.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown service '%s': one of %s".formatted(name,
					Arrays.stream(values()).map(FleetService::serviceName).toList())));
	}

	static List<FleetService> ofStage(int stage) {
		return Arrays.stream(values()).filter(service -> service.stage == stage).toList();
	}

}
