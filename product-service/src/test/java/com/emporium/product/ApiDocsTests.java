package com.emporium.product;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsTests extends ProductServiceIntegrationTest {

	@Test
	void apiDocsDescribeTheCatalogAndItsProblems() {
		get("/v3/api-docs", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/products'].post.responses['400'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/v1/products'].post.responses['409'].description")
			.value(String.class, description -> assertThat(description).contains("already-exists"))
			.jsonPath("$.paths['/api/v1/products'].get.parameters[*].name")
			.value(names -> assertThat(names.toString()).contains("category", "brand", "minPrice", "maxPrice",
					"inStock", "store", "tags", "sort", "page", "size"))
			.jsonPath("$.paths['/api/v1/products/{id}'].patch.responses['409'].description")
			.value(String.class, description -> assertThat(description).contains("version-conflict"))
			.jsonPath("$.paths['/api/v1/products/{id}'].patch.security")
			.exists()
			.jsonPath("$.paths['/api/v1/products/{id}'].delete.responses['204']")
			.exists()
			.jsonPath("$.paths['/api/v1/products/{id}/stock'].patch.responses['403']")
			.exists()
			.jsonPath("$.paths['/api/v1/stores'].post.responses['409'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/v1/stores/{id}'].delete.responses['409'].description")
			.value(String.class, description -> assertThat(description).contains("store-not-empty"))
			.jsonPath("$.paths['/api/v1/categories'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/categories/{id}'].patch.responses['409'].description")
			.value(String.class, description -> assertThat(description).contains("category-cycle"))
			.jsonPath("$.paths['/api/v1/categories/{id}'].delete.responses['409'].description")
			.value(String.class, description -> assertThat(description).contains("category-in-use"))
			.jsonPath("$.components.schemas.UpdateProductRequest.properties.compareAtPrice")
			.exists()
			.jsonPath("$.components.schemas.UpdateProductRequest.properties.version")
			.exists()
			.jsonPath("$.components.schemas.UpdateCategoryRequest.properties.parentId")
			.exists()
			.jsonPath("$.paths['/api/v1/products/{productId}/reviews'].post.responses['409'].description")
			.value(String.class, description -> assertThat(description).contains("already-reviewed"))
			.jsonPath("$.paths['/api/v1/products/{productId}/reviews/{reviewId}/helpful-votes/me'].put")
			.exists()
			.jsonPath("$.paths['/api/v1/stores/{storeId}/imports'].post.responses['422'].description")
			.value(String.class, description -> assertThat(description).contains("import-rejected"))
			.jsonPath("$.paths['/api/v1/products/{productId}/description-drafts'].post.responses['503'].description")
			.value(String.class, description -> assertThat(description).contains("llm-not-configured"))
			.jsonPath("$.paths['/api/v1/products/{productId}/description-drafts/{draftId}/accept'].put")
			.exists()
			.jsonPath("$.paths['/api/v1/products/{id}'].get.parameters[*].name")
			.value(names -> assertThat(names.toString()).contains("currency"))
			.jsonPath("$.components.schemas.Problem")
			.exists();
	}

}
