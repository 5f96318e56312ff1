package com.emporium.recommendation.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import com.emporium.platform.security.EndpointAuthorization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recommendations")
@Tag(name = "Recommendations")
class NewArrivalsController {

	private final CatalogReplica catalog;

	NewArrivalsController(CatalogReplica catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/new-arrivals")
	@Operation(summary = "The newest products in the catalog")
	RecommendationList newArrivals(@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
		return new RecommendationList("new-arrivals", this.catalog.newest(limit)
			.stream()
			.map(product -> new RecommendedProduct(product.id(), product.name(), product.price(), product.currency(),
					"new in the catalog"))
			.toList());
	}

	record RecommendationList(String algorithm, List<RecommendedProduct> items) {
	}

	record RecommendedProduct(UUID productId, String name, BigDecimal price, String currency, String reason) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization recommendationAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/recommendations/**").permitAll();
		}

	}

}
