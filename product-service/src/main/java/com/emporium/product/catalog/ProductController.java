package com.emporium.product.catalog;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.PageView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "The catalog's products")
class ProductController {

	private final Catalog catalog;

	ProductController(Catalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping
	@Operation(summary = "Add a product", description = "Vendors and admins add products; publishes ProductCreated.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	ResponseEntity<ProductView> create(@Valid @RequestBody CreateProductRequest request) {
		ProductView product = this.catalog.create(request);
		return ResponseEntity.created(URI.create("/api/v1/products/" + product.id())).body(product);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a product")
	ProductView get(@PathVariable UUID id) {
		return this.catalog.get(id);
	}

	@GetMapping
	@Operation(summary = "List products, newest first")
	PageView<ProductView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(this.catalog.list(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"))));
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization productAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/products", "/api/v1/products/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/products")
				.hasAnyRole("VENDOR", "ADMIN");
		}

	}

}
