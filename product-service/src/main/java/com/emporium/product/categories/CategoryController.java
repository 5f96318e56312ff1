package com.emporium.product.categories;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.emporium.platform.security.EndpointAuthorization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.product.ApiDocs.BEARER;
import static com.emporium.product.ApiDocs.PROBLEM;
import static com.emporium.product.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/categories")
@Tag(name = "Categories", description = "The category tree")
class CategoryController {

	private final CategoryTree tree;

	CategoryController(CategoryTree tree) {
		this.tree = tree;
	}

	@GetMapping
	@Operation(summary = "The whole category tree",
			description = "Top-level categories with their children, at any depth; each level by name.")
	List<CategoryView> tree() {
		return this.tree.tree();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A category with everything beneath it")
	CategoryView get(@PathVariable UUID id) {
		return this.tree.get(id);
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "The category")
	@ApiResponse(responseCode = "409", description = "Another category has this slug (already-exists, #/slug).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Add a category (admins)",
			description = "Beneath parentId, or at the top level. An unknown parentId is a 400 naming #/parentId.",
			security = @SecurityRequirement(name = BEARER))
	ResponseEntity<CategoryView> add(@Valid @RequestBody CreateCategoryRequest request) {
		CategoryView category = this.tree.add(request);
		return ResponseEntity.created(URI.create("/api/v1/categories/" + category.id())).body(category);
	}

	@PatchMapping("/{id}")
	@ApiResponse(responseCode = "409",
			description = "Another category has this slug (already-exists, #/slug), or the new parent is the "
					+ "category itself or lies beneath it (category-cycle, #/parentId).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Change or move a category (admins)",
			description = "Fields left out stay as they are; an empty description removes it; parentId moves the "
					+ "category with everything beneath it, null to the top level. A new name publishes "
					+ "ProductUpdated (with the new categoryName) for each product of the category, whose "
					+ "version moves on.",
			security = @SecurityRequirement(name = BEARER))
	CategoryView change(@PathVariable UUID id, @Valid @RequestBody UpdateCategoryRequest request) {
		return this.tree.change(id, request);
	}

	@DeleteMapping("/{id}")
	@ApiResponse(responseCode = "204", description = "The category is deleted")
	@ApiResponse(responseCode = "409", description = "It has sub-categories or products (category-in-use).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@Operation(summary = "Delete a category (admins)", security = @SecurityRequirement(name = BEARER))
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.tree.delete(id);
		return ResponseEntity.noContent().build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization categoryAccess() {
			return requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/categories", "/api/v1/categories/*")
				.permitAll()
				.requestMatchers("/api/v1/categories", "/api/v1/categories/*")
				.hasRole("ADMIN");
		}

	}

}
