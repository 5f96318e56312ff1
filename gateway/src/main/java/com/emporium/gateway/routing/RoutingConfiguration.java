package com.emporium.gateway.routing;

import java.util.List;
import java.util.Map;

import com.emporium.platform.web.RequestIds;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

/**
 * One route per service: its API paths and its OpenAPI document, resolved through Eureka
 * ({@code lb}), guarded by a circuit breaker named after the service. The service echoes the
 * request id it was given; the gateway's own header is the one the client gets, once.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	@Bean
	RouterFunction<ServerResponse> serviceRoutes(CircuitBreakerFactory<?, ?> breakers) {
		RouterFunction<ServerResponse> routes = null;
		for (Map.Entry<String, List<String>> entry : ServiceRoutes.ROUTES.entrySet()) {
			String service = entry.getKey();
			ServiceUnavailableFallback guard = new ServiceUnavailableFallback(service, breakers.create(service));
			// The breaker is added first, so it wraps the instance lookup too: "no instance" is a 503.
			RouterFunction<ServerResponse> api = route(service).route(anyOf(entry.getValue()), http())
				.filter(guard)
				.filter(lb(service))
				.after(removeResponseHeader(RequestIds.HEADER))
				.build();
			RouterFunction<ServerResponse> docs = route(service + "-api-docs")
				.GET(ServiceRoutes.API_DOCS_PREFIX + service, http())
				.before(setPath("/v3/api-docs"))
				.filter(guard)
				.filter(lb(service))
				.after(removeResponseHeader(RequestIds.HEADER))
				.build();
			RouterFunction<ServerResponse> both = api.and(docs);
			routes = routes == null ? both : routes.and(both);
		}
		return routes;
	}

	private static RequestPredicate anyOf(List<String> patterns) {
		return patterns.stream().map(RequestPredicates::path).reduce(RequestPredicate::or).orElseThrow();
	}

}
