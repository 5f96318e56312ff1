package com.emporium.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The public API's map: each path prefix under {@code /api/v1} and the service that owns it. One
 * path at the gateway and at the service (no prefix stripping), so tests, OpenAPI and clients agree.
 */
public final class ServiceRoutes {

	/** Service id (as registered in Eureka) to the paths it serves. */
	public static final Map<String, List<String>> ROUTES = Map.of(
			"user-service",
			List.of("/api/v1/auth", "/api/v1/auth/**", "/api/v1/users", "/api/v1/users/**", "/api/v1/admin/users",
					"/api/v1/admin/users/**", "/api/v1/admin/audit-log", "/.well-known/jwks.json"),
			"product-service",
			List.of("/api/v1/stores", "/api/v1/stores/**", "/api/v1/categories", "/api/v1/categories/**",
					"/api/v1/products", "/api/v1/products/**", "/api/v1/search", "/api/v1/search/**",
					"/api/v1/wishlist", "/api/v1/wishlist/**"),
			"order-service",
			List.of("/api/v1/cart", "/api/v1/cart/**", "/api/v1/orders", "/api/v1/orders/**", "/api/v1/admin/orders",
					"/api/v1/admin/orders/**"),
			"payment-service", List.of("/api/v1/payments", "/api/v1/payments/**"),
			"recommendation-service", List.of("/api/v1/recommendations", "/api/v1/recommendations/**",
					"/api/v1/interactions", "/api/v1/interactions/**", "/api/v1/admin/recommendations/**",
					"/api/v1/admin/interactions", "/api/v1/admin/interactions/**"));

	/** User-service paths that hash a password, and their answer budget (others: 1.5 s). */
	public static final List<String> PASSWORD_HASHING_PATHS = List.of("/api/v1/auth/login", "/api/v1/auth/register");

	public static final Duration PASSWORD_HASHING_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Checkout ({@code POST /api/v1/orders}): one transaction that writes the order, its lines, the
	 * idempotency key and the outbox row, and under a burst of shoppers queues for the database.
	 * It gets a longer answer budget and its own breaker, so a burst neither times out checkouts
	 * that would succeed nor opens the breaker for every other order-service call. A client that
	 * still sees a 503 or 504 retries with the same {@code Idempotency-Key} and gets the one order.
	 */
	public static final String CHECKOUT_PATH = "/api/v1/orders";

	public static final Duration CHECKOUT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * An order read that long-polls ({@code GET /api/v1/orders/{id}?waitForChangeFrom=...&timeout=...},
	 * up to 25 s at order-service) and its answer budget: the poll's longest wait plus a margin.
	 */
	public static final String LONG_POLL_PATH = "/api/v1/orders/*";

	public static final String LONG_POLL_PARAMETER = "waitForChangeFrom";

	public static final Duration LONG_POLL_TIMEOUT = Duration.ofSeconds(28);

	/** Where the gateway serves each service's OpenAPI document: {@code /api-docs/<service>}. */
	public static final String API_DOCS_PREFIX = "/api-docs/";

	/**
	 * A service builds its OpenAPI document on the first request for it, which takes seconds on a
	 * busy machine (a fleet that has just started): the documents get a longer answer budget than
	 * the API, and their own breaker, so a slow first build neither shows Swagger UI a 504 nor
	 * counts as a slow call against the service's API.
	 */
	public static final Duration API_DOCS_TIMEOUT = Duration.ofSeconds(15);

	private ServiceRoutes() {
	}

}
