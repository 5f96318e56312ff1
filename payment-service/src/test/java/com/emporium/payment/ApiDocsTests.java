package com.emporium.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsTests extends PaymentServiceIntegrationTest {

	@Test
	void apiDocsDescribePaymentsRefundsWebhooksAndTheirProblems() {
		get("/v3/api-docs", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/payments'].post.parameters[*].name")
			.value(names -> assertThat(names.toString()).contains("Idempotency-Key"))
			.jsonPath("$.paths['/api/v1/payments'].post.responses['402'].description")
			.value(String.class, description -> assertThat(description).contains("card-declined"))
			.jsonPath("$.paths['/api/v1/payments'].post.responses['422'].description")
			.value(String.class, description -> assertThat(description).contains("idempotency-key-reused"))
			.jsonPath("$.paths['/api/v1/payments'].post.security")
			.exists()
			.jsonPath("$.paths['/api/v1/payments'].get.parameters[*].name")
			.value(names -> assertThat(names.toString()).contains("customerId", "orderId", "status", "method", "page"))
			.jsonPath("$.paths['/api/v1/payments/{id}'].get.responses['404']")
			.exists()
			.jsonPath("$.paths['/api/v1/payments/{id}/refunds'].post.responses['422'].description")
			.value(String.class, description -> assertThat(description).contains("refund-exceeds-captured"))
			.jsonPath("$.paths['/api/v1/payments/webhooks'].post.responses['400'].description")
			.value(String.class, description -> assertThat(description).contains("invalid-webhook-signature",
					"webhook-replayed"))
			.jsonPath("$.components.schemas.PayRequest.properties.card")
			.exists()
			.jsonPath("$.components.schemas.Problem")
			.exists();
	}

}
