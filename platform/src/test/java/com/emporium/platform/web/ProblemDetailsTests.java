package com.emporium.platform.web;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.test.TestJwts;
import com.emporium.platform.testapp.PlatformTestApplication;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@EmporiumIntegrationTest(classes = PlatformTestApplication.class)
class ProblemDetailsTests {

	@LocalServerPort
	int port;

	RestTestClient http;

	@BeforeEach
	void client() {
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	private RestTestClient.ResponseSpec post(String body) {
		return this.http.post()
			.uri("/api/v1/widgets")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	@Test
	void validationFailureNamesEveryFieldWithAPointer() {
		post("{\"name\":\"\",\"price\":{\"amount\":-1,\"currency\":\"EUR\"},\"quantity\":0}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/validation-failed")
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/widgets")
			.jsonPath("$.errors.length()")
			.isEqualTo(3)
			.jsonPath("$.errors[?(@.pointer == '#/name')].detail")
			.isEqualTo("must not be blank")
			.jsonPath("$.errors[?(@.pointer == '#/price/amount')].detail")
			.exists()
			.jsonPath("$.errors[?(@.pointer == '#/quantity')].detail")
			.exists();
	}

	@Test
	void pointersUseTheJsonNamesTheClientSent() {
		post("{\"name\":\"ok\",\"price\":{\"amount\":1,\"currency\":\"EUR\"},\"quantity\":1,"
				+ "\"gift_note\":\"far too long a note\",\"tags\":[{\"tag_name\":\"red\"},{\"tag_name\":\"\"}]}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.pointer == '#/gift_note')].detail")
			.exists()
			.jsonPath("$.errors[?(@.pointer == '#/tags/1/tag_name')].detail")
			.isEqualTo("must not be blank");
	}

	@Test
	void missingNestedObjectIsNamed() {
		post("{\"name\":\"ok\",\"quantity\":1}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/price")
			.jsonPath("$.errors[0].detail")
			.isEqualTo("must not be null");
	}

	@Test
	void malformedJsonSaysWhereItBreaks() {
		post("{\"name\": \"x\",\n \"price\": {").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/malformed-request")
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).contains("line 2"));
	}

	@Test
	void wrongTypeInBodyNamesTheFieldAndExpectedType() {
		post("{\"name\":\"x\",\"price\":{\"amount\":\"cheap\",\"currency\":\"EUR\"},\"quantity\":1}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/price/amount")
			.jsonPath("$.errors[0].detail")
			.value(String.class, detail -> assertThat(detail).contains("number"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "123", "1.5", "true" })
	void aNumberOrABooleanWhereTextIsExpectedIsAWrongTypeNotText(String name) {
		post("{\"name\":" + name + ",\"price\":{\"amount\":1,\"currency\":\"EUR\"},\"quantity\":1}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/name")
			.jsonPath("$.errors[0].detail")
			.value(String.class, detail -> assertThat(detail).contains("string"));
	}

	@Test
	void anAmountSentAsTextIsStillANumber() {
		post("{\"name\":\"x\",\"price\":{\"amount\":\"19.99\",\"currency\":\"EUR\"},\"quantity\":1}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.price.amount")
			.isEqualTo(19.99);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/widgets/%2520", "/api/v1/widgets/a%3Bb" })
	void aUrlTheFirewallRefusesIsABadRequestProblemSayingWhy(String path) {
		this.http.get()
			.uri(URI.create("http://localhost:" + this.port + path))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/malformed-request")
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).contains("rejected because the URL"))
			.jsonPath("$.requestId")
			.exists();
	}

	@Test
	void aRequestTomcatRefusesBeforeTheApplicationIsAProblemTooNotAnHtmlPage() {
		this.http.get()
			.uri(URI.create("http://localhost:" + this.port + "/api/v1/widgets/a%2Fb"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).startsWith("Bad Request"));
		this.http.get()
			.uri("/api/v1/widgets?q=" + "x".repeat(20_000))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theErrorPageIsNotPartOfTheApiDocument() {
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(document -> assertThat(document).contains("/api/v1/widgets").doesNotContain("\"/error\""));
	}

	@Test
	void missingBodyIsABadRequest() {
		this.http.post()
			.uri("/api/v1/widgets")
			.contentType(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The request body is missing.");
	}

	@Test
	void wrongTypeInPathNamesTheParameter() {
		this.http.get()
			.uri("/api/v1/widgets/not-a-uuid")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("id")
			.jsonPath("$.errors[0].detail")
			.value(String.class, detail -> assertThat(detail).contains("UUID"));
	}

	@Test
	void wrongTypeAndOutOfRangeQueryParametersAreNamed() {
		this.http.get()
			.uri("/api/v1/widgets?page=abc")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("page");
		this.http.get()
			.uri("/api/v1/widgets?size=10000")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("size")
			.jsonPath("$.errors[0].detail")
			.isEqualTo("must be less than or equal to 100");
	}

	@Test
	void unknownIdIsANotFoundProblemNamingTheId() {
		this.http.get()
			.uri("/api/v1/widgets/7b0c7a52-3c8d-4d67-9d3c-3e4b1b8a0f11")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/not-found")
			.jsonPath("$.id")
			.isEqualTo("7b0c7a52-3c8d-4d67-9d3c-3e4b1b8a0f11");
	}

	@Test
	void aRuleAcrossFieldsIsAValidationProblemNamingTheParameterOrThePointer() {
		this.http.get()
			.uri("/api/v1/widgets/between?from=5&to=2")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/validation-failed")
			.jsonPath("$.detail")
			.isEqualTo("'to' must not be below from.")
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("to");
		this.http.post()
			.uri("/api/v1/widgets/7b0c7a52-3c8d-4d67-9d3c-3e4b1b8a0f11/rename")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"Sprocket\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("'name' is taken by widget 7b0c7a52-3c8d-4d67-9d3c-3e4b1b8a0f11.")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/name");
	}

	@Test
	void unknownPathIsANotFoundProblemForSignedInCallers() {
		this.http.get()
			.uri("/api/v1/nothing-here")
			.header("Authorization", "Bearer " + TestJwts.token("user-1", "CUSTOMER"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/not-found");
	}

	@Test
	void wrongMethodAndMediaTypeAreProblems() {
		this.http.delete()
			.uri("/api/v1/widgets")
			.header("Authorization", "Bearer " + TestJwts.token("user-1", "CUSTOMER"))
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/method-not-allowed");
		this.http.post()
			.uri("/api/v1/widgets")
			.contentType(MediaType.TEXT_PLAIN)
			.body("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/unsupported-media-type");
	}

	@Test
	void oversizedBodyIsRefusedWith413() {
		String big = "{\"name\":\"" + "x".repeat(4096) + "\"}";
		post(big).expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/payload-too-large");
	}

	@Test
	void brokenRuleKeepsItsTypeAndStatus() {
		this.http.get()
			.uri("/api/v1/widgets/sold-out")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/out-of-widgets")
			.jsonPath("$.detail")
			.isEqualTo("No widgets are left.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "unreachable", "no-connection" })
	void aDataStoreThatCannotBeReachedIsA503ToRetryNotA500(String widget) {
		this.http.get()
			.uri("/api/v1/widgets/" + widget)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("https://docs.emporium.example/problems/service-unavailable")
				.contains("cannot reach its data store")
				.doesNotContain("db.internal")
				.doesNotContain("JDBC"));
	}

	@Test
	void unexpectedErrorLeaksNothingAndCarriesTheRequestId() {
		this.http.get()
			.uri("/api/v1/widgets/broken")
			.header(RequestIds.HEADER, "req-123")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.valueEquals(RequestIds.HEADER, "req-123")
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("\"requestId\":\"req-123\"")
				.doesNotContain("hunter2")
				.doesNotContain("IllegalStateException")
				.doesNotContain("at com.emporium"));
	}

	@Test
	void requestIdIsCreatedWhenMissingOrMalformed() {
		this.http.get()
			.uri("/api/v1/widgets")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(RequestIds.HEADER, id -> assertThat(id).hasSize(36));
		this.http.get()
			.uri("/api/v1/widgets")
			.header(RequestIds.HEADER, "bad id <script>" + "x".repeat(200))
			.exchange()
			.expectHeader()
			.value(RequestIds.HEADER, id -> assertThat(id).hasSize(36).doesNotContain("bad"));
	}

}
