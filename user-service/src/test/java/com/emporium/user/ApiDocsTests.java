package com.emporium.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsTests extends UserServiceIntegrationTest {

	@Test
	void apiDocsDescribeTheIdentityEndpointsAndTheirProblems() {
		get("/v3/api-docs", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/.well-known/jwks.json'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/auth/register'].post.responses['201']")
			.exists()
			.jsonPath("$.paths['/api/v1/auth/register'].post.responses['409'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/v1/auth/login'].post.responses['200'].content")
			.exists()
			.jsonPath("$.paths['/api/v1/auth/login'].post.responses['401'].description")
			.value(String.class, description -> assertThat(description)
				.contains("invalid-credentials"))
			.jsonPath("$.paths['/api/v1/auth/login'].post.responses['429']")
			.exists()
			.jsonPath("$.paths['/api/v1/users/me'].patch.security")
			.exists()
			.jsonPath("$.paths['/api/v1/users/me'].delete.responses['409'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/v1/users/me/username'].put.responses['409']")
			.exists()
			.jsonPath("$.paths['/api/v1/users/me/addresses'].post.responses['201']")
			.exists()
			.jsonPath("$.paths['/api/v1/users/me/addresses/{id}'].put.responses['404']")
			.exists()
			.jsonPath("$.paths['/api/v1/admin/users'].get.parameters[*].name")
			.value(names -> assertThat(names.toString()).contains("q", "role", "active", "page", "size"))
			.jsonPath("$.paths['/api/v1/admin/users/{id}/roles/{role}'].put.responses['403']")
			.exists()
			.jsonPath("$.paths['/api/v1/admin/users/{id}/roles/{role}'].delete.responses['409'].description")
			.value(String.class, description -> assertThat(description).contains("only role"))
			.jsonPath("$.paths['/api/v1/admin/audit-log'].get.security")
			.exists()
			.jsonPath("$.paths['/api/v1/users'].get")
			.doesNotExist();
	}

}
