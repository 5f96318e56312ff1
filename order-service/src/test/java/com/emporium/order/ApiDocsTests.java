package com.emporium.order;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsTests extends OrderServiceIntegrationTest {

	@Test
	void apiDocsDescribeCartsOrdersAndTheirProblems() {
		get("/v3/api-docs", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/cart'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/cart/items'].post.responses['409'].description")
			.value(String.class, description -> assertThat(description).contains("currency-mismatch", "cart-full"))
			.jsonPath("$.paths['/api/v1/cart/items'].post.parameters[*].name")
			.value(names -> assertThat(names.toString()).contains("X-Cart-Token"))
			.jsonPath("$.paths['/api/v1/cart/items'].post.responses['400'].description")
			.value(String.class, description -> assertThat(description).contains("recommendation.id"))
			.jsonPath("$.components.schemas.AddItem.properties.recommendation.description")
			.value(String.class, description -> assertThat(description).contains("CartItemAdded"))
			.jsonPath("$.components.schemas.AddItem.required")
			.value(required -> assertThat(required.toString()).contains("productId", "quantity")
				.doesNotContain("recommendation"))
			.jsonPath("$.components.schemas.Recommendation.properties.id.maxLength")
			.isEqualTo(100)
			.jsonPath("$.components.schemas.Recommendation.properties.source.maxLength")
			.isEqualTo(50)
			.jsonPath("$.paths['/api/v1/cart/items/{itemId}'].patch.responses['404']")
			.exists()
			.jsonPath("$.paths['/api/v1/orders'].post.parameters[*].name")
			.value(names -> assertThat(names.toString()).contains("Idempotency-Key"))
			.jsonPath("$.paths['/api/v1/orders'].post.responses['422'].description")
			.value(String.class, description -> assertThat(description).contains("idempotency-key-reused"))
			.jsonPath("$.paths['/api/v1/orders'].post.responses['409'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/v1/orders'].post.security")
			.exists()
			.jsonPath("$.paths['/api/v1/orders'].get.parameters[*].name")
			.value(names -> assertThat(names.toString()).contains("status", "page", "size"))
			.jsonPath("$.paths['/api/v1/orders/{id}/cancellation'].post.responses['409'].description")
			.value(String.class, description -> assertThat(description).contains("illegal-status-transition"))
			.jsonPath("$.paths['/api/v1/admin/orders'].get.parameters[*].name")
			.value(names -> assertThat(names.toString()).contains("status", "customerId", "from", "to"))
			.jsonPath("$.paths['/api/v1/admin/orders/{id}/status'].put.responses['409']")
			.exists()
			.jsonPath("$.components.schemas.PlaceOrderRequest.properties.paymentMethod")
			.exists()
			.jsonPath("$.components.schemas.PlaceOrderRequest.required")
			.value(required -> assertThat(required.toString()).contains("paymentMethod")
				.doesNotContain("shippingAddress", "billingAddress"))
			.jsonPath("$.components.schemas.PlaceOrderRequest.properties.shippingAddress.description")
			.value(String.class, description -> assertThat(description).contains("default shipping address"))
			.jsonPath("$.paths['/api/v1/orders'].post.responses['400'].description")
			.value(String.class, description -> assertThat(description).contains("shippingAddress"))
			.jsonPath("$.components.schemas.OrderView.properties.refundedAmount.description")
			.value(String.class, description -> assertThat(description).contains("PaymentRefunded", "REFUNDED"))
			.jsonPath("$.components.schemas.Problem")
			.exists();
	}

	@Test
	void orderLinesHaveASchemaApartFromCartLinesNamingTheRecommendationCreditedWithThem() {
		JsonNode docs = body(get("/v3/api-docs", null), 200);
		String ref = docs.at("/components/schemas/OrderView/properties/lines/items/$ref").asString();
		assertThat(ref).startsWith("#/components/schemas/")
			.as("not the cart's line")
			.isNotEqualTo(docs.at("/components/schemas/CartView/properties/items/items/$ref").asString());
		JsonNode line = docs.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
		assertThat(line.at("/properties/unitPrice").isMissingNode()).as(line.toString()).isFalse();
		String cartRef = docs.at("/components/schemas/CartView/properties/items/items/$ref").asString();
		JsonNode cartLine = docs.at("/components/schemas/" + cartRef.substring(cartRef.lastIndexOf('/') + 1));
		assertThat(cartLine.at("/properties/priceChanged").isMissingNode()).as("the cart's line keeps its own schema")
			.isFalse();
		assertThat(line.at("/properties/recommendation/description").asString()).as(line.toString())
			.contains("POST /cart/items", "POST /orders", "OrderPlaced");
		assertThat(docs.at("/components/schemas/PlaceOrderRequest/properties/recommendation/description").asString())
			.contains("credited");
	}

}
