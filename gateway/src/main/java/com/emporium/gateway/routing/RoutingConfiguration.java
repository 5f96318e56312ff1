package com.emporium.gateway.routing;

import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * One route per service for its API paths and one for its OpenAPI document, resolved through
 * Eureka ({@code lb://}), each run inside a circuit breaker named after the service (the
 * document's breaker after the service plus {@code -api-docs}). The request
 * id travels with the request (platform's {@code ReactiveRequestIdFilter}).
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	@Bean
	RouteLocator serviceRoutes(RouteLocatorBuilder builder, ReactiveCircuitBreakerFactory<?, ?> breakers) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		Map<String, ServiceUnavailableFallback> guards = new HashMap<>();
		ServiceRoutes.ROUTES.keySet()
			.forEach(service -> guards.put(service, new ServiceUnavailableFallback(service, breakers.create(service))));
		// Sign-in and registration hash a password on purpose (Argon2id, tens to hundreds of ms,
		// more under load): they get a longer answer budget than the rest of the API.
		routes.route("user-service-auth", route -> route.order(-1)
			.path(ServiceRoutes.PASSWORD_HASHING_PATHS.toArray(String[]::new))
			.filters(filters -> filters.filter(guards.get("user-service")))
			.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, ServiceRoutes.PASSWORD_HASHING_TIMEOUT.toMillis())
			.uri("lb://user-service"));
		// A long poll is slow on purpose: its own budget, and its own breaker, so that waiting
		// clients never count as slow calls against order-service.
		ServiceUnavailableFallback longPollGuard = new ServiceUnavailableFallback("order-service",
				breakers.create("order-service-long-poll"));
		routes.route("order-service-long-poll", route -> route.order(-1)
			.method(HttpMethod.GET)
			.and()
			.path(ServiceRoutes.LONG_POLL_PATH)
			.and()
			.query(ServiceRoutes.LONG_POLL_PARAMETER)
			.filters(filters -> filters.filter(longPollGuard))
			.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, ServiceRoutes.LONG_POLL_TIMEOUT.toMillis())
			.uri("lb://order-service"));
		ServiceUnavailableFallback checkoutGuard = new ServiceUnavailableFallback("order-service",
				breakers.create("order-service-checkout"));
		routes.route("order-service-checkout", route -> route.order(-1)
			.method(HttpMethod.POST)
			.and()
			.path(ServiceRoutes.CHECKOUT_PATH)
			.filters(filters -> filters.filter(checkoutGuard))
			.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, ServiceRoutes.CHECKOUT_TIMEOUT.toMillis())
			.uri("lb://order-service"));
		for (Map.Entry<String, List<String>> entry : ServiceRoutes.ROUTES.entrySet()) {
			String service = entry.getKey();
			// Added first, the guard wraps the instance lookup too: "no instance" is a 503.
			ServiceUnavailableFallback guard = guards.get(service);
			routes.route(service, route -> route.path(entry.getValue().toArray(String[]::new))
				.filters(filters -> filters.filter(guard).retry(RoutingConfiguration::retryUnansweredReads))
				.uri("lb://" + service));
			ServiceUnavailableFallback apiDocsGuard = new ServiceUnavailableFallback(service,
					breakers.create(service + "-api-docs"));
			routes.route(service + "-api-docs", route -> route.method(HttpMethod.GET)
				.and()
				.path(ServiceRoutes.API_DOCS_PREFIX + service)
				.filters(filters -> filters.filter(apiDocsGuard).setPath("/v3/api-docs"))
				.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, ServiceRoutes.API_DOCS_TIMEOUT.toMillis())
				.uri("lb://" + service));
		}
		return routes.build();
	}

	/**
	 * A read ({@code GET}, {@code HEAD}) is sent once more, at once, when the connection failed
	 * before the service answered: refused (the instance is gone; the load balancer may pick
	 * another), or closed by the service just as the request went out on a pooled connection (the
	 * "premature close" a busy service's keep-alive handling can cause, 1 request in some 10,000
	 * under load). Reads are safe to send twice; writes, timeouts and every answer the service gave,
	 * 5xx included, are never retried. Inside the breaker, so the two attempts count as one call.
	 */
	static void retryUnansweredReads(RetryGatewayFilterFactory.RetryConfig retry) {
		retry.setRetries(1)
			.setMethods(HttpMethod.GET, HttpMethod.HEAD)
			.setSeries()
			.setStatuses()
			.setExceptions(PrematureCloseException.class, ConnectException.class);
	}

}
