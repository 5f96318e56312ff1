package com.emporium.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.emporium.gateway.routing.ServiceRoutes;
import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.test.Infrastructure;
import com.emporium.platform.test.KafkaTopics;
import com.emporium.platform.test.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's own behaviour, with Eureka replaced by fixed instances: an upstream that echoes
 * what it received (standing in for "a service that answers"), one that is slower than the
 * timeout, and one whose port nothing listens on; Kafka is real, for token revocations. The whole
 * fleet, with real services, is exercised by {@code FleetIT}.
 */
@EmporiumIntegrationTest(infrastructure = Infrastructure.KAFKA)
class GatewayRoutingTests {

	/** Requests the upstream saw, by method and URI, of the paths it counts. */
	static final Map<String, Integer> upstreamCalls = new ConcurrentHashMap<>();

	static final HttpServer upstream = startUpstream();

	/**
	 * A port that refuses connections for the whole class: bound but never listening, so the
	 * kernel answers a SYN with a reset and nothing else (Kafka, the gateway itself) can take it.
	 */
	static final Socket refusing = bindWithoutListening();

	static final int closedPort = refusing.getLocalPort();

	@LocalServerPort
	int port;

	@Autowired
	KafkaMessageListenerContainer<String, byte[]> revocations;

	RestTestClient http;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		int upstreamPort = upstream.getAddress().getPort();
		// Discovery on, Eureka off: the fixed instances below stand in for the registry.
		registry.add("spring.cloud.discovery.enabled", () -> "true");
		registry.add("spring.cloud.discovery.client.simple.instances.product-service[0].uri",
				() -> "http://localhost:" + upstreamPort);
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri",
				() -> "http://localhost:" + upstreamPort);
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri",
				() -> "http://localhost:" + upstreamPort);
		registry.add("spring.cloud.discovery.client.simple.instances.payment-service[0].uri",
				() -> "http://127.0.0.1:" + closedPort);
		registry.add("emporium.gateway.cors.allowed-origins", () -> "https://shop.example.com");
	}

	@AfterAll
	static void stopUpstream() throws IOException {
		upstream.stop(0);
		refusing.close();
	}

	/** The JDK client: Apache's would silently retry a 503 after its Retry-After. */
	@BeforeEach
	void client() {
		this.http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.build();
	}

	@Test
	void routesApiPathsToTheOwningServiceAndPassesTheRequestIdDownstream() {
		this.http.get()
			.uri("/api/v1/products?page=1")
			.header("X-Request-Id", "trace-me-42")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.values("X-Request-Id",
					ids -> assertThat(ids).as("the client gets the id once").containsExactly("trace-me-42"))
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("GET /api/v1/products?page=1")
				.containsIgnoringCase("x-request-id: trace-me-42"));
	}

	@Test
	void createsARequestIdWhenTheClientSentNone() {
		this.http.get()
			.uri("/api/v1/products")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Request-Id", id -> assertThat(id).hasSize(36))
			.expectBody(String.class)
			.value(body -> assertThat(body).containsIgnoringCase("x-request-id: "));
	}

	@Test
	void unknownRouteIsANotFoundProblem() {
		this.http.get()
			.uri("/api/v1/nowhere")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/not-found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/products/%2520", "/api/v1/products/a%2Fb", "/api/v1/products/a%3Bb" })
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
	void serviceThatIsDownGivesA503ProblemQuickly() {
		long started = System.nanoTime();
		this.http.get()
			.uri("/api/v1/payments")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/service-unavailable")
			.jsonPath("$.service")
			.isEqualTo("payment-service");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void serviceUnknownToDiscoveryGivesA503Problem() {
		this.http.get()
			.uri("/api/v1/recommendations/popular")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("recommendation-service");
	}

	@Test
	void slowServiceGivesA504ProblemWithinTwoSeconds() {
		long started = System.nanoTime();
		this.http.get()
			.uri("/api/v1/orders/slow")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/gateway-timeout");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void anOrderReadThatLongPollsMayTakeLongerThanOtherRoutes() {
		long started = System.nanoTime();
		this.http.get()
			.uri("/api/v1/orders/slow?waitForChangeFrom=PENDING&timeout=10")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(echo -> assertThat(echo).startsWith("GET /api/v1/orders/slow?waitForChangeFrom=PENDING&timeout=10"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void checkoutMayTakeLongerThanOtherOrderCallsButNotForever() {
		long started = System.nanoTime();
		this.http.post()
			.uri("/api/v1/orders")
			.header("X-Upstream-Delay-Ms", "2500")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(echo -> assertThat(echo).startsWith("POST /api/v1/orders"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
		this.http.get()
			.uri("/api/v1/orders")
			.header("X-Upstream-Delay-Ms", "2500")
			.exchange()
			.expectStatus()
			.isEqualTo(504);
		this.http.post()
			.uri("/api/v1/orders")
			.header("X-Upstream-Delay-Ms", "7000")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(504);
	}

	@Test
	void aServicesOpenApiDocumentMayTakeLongerToBuildThanAnApiCall() {
		this.http.get()
			.uri(ServiceRoutes.API_DOCS_PREFIX + "order-service")
			.header("X-Upstream-Delay-Ms", "2500")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(echo -> assertThat(echo).startsWith("GET /v3/api-docs"));
		this.http.get()
			.uri("/api/v1/orders")
			.header("X-Upstream-Delay-Ms", "2500")
			.exchange()
			.expectStatus()
			.isEqualTo(504);
	}

	@Test
	void forgedTokenIsRefusedAtTheGateway() {
		this.http.get()
			.uri("/api/v1/products")
			.header("Authorization", "Bearer " + TestJwts.tokenSignedByAnotherKey("mallory", "ADMIN"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/unauthenticated");
		this.http.get()
			.uri("/api/v1/products")
			.header("Authorization", "Bearer " + TestJwts.token("alice", "CUSTOMER"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).containsIgnoringCase("authorization: Bearer "));
	}

	@Test
	void aRevokedTokenIsRefusedAtTheGatewayWithinASecond() throws ParseException {
		String user = UUID.randomUUID().toString();
		String token = TestJwts.token(user, "CUSTOMER");
		this.http.get().uri("/api/v1/products").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.revocations.getAssignedPartitions().isEmpty());

		// What the user service publishes when its owner signs out.
		KafkaTopics.send("emporium.user.access-token-revoked.v1", user, """
				{"specversion":"1.0","id":"%s","type":"AccessTokenRevoked","source":"user-service","subject":"%s",\
				"time":"%s","data":{"jti":"%s","userId":"%s","expiresAt":"%s"}}"""
			.formatted(UUID.randomUUID(), user, Instant.now(), SignedJWT.parse(token).getJWTClaimsSet().getJWTID(),
					user, Instant.now().plusSeconds(900)));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.http.get()
				.uri("/api/v1/products")
				.header("Authorization", "Bearer " + token)
				.exchange()
				.returnResult()
				.getStatus()
				.value() == 401);
	}

	@Test
	void corsAllowsConfiguredOriginsOnly() {
		this.http.options()
			.uri("/api/v1/products")
			.header("Origin", "https://shop.example.com")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "https://shop.example.com");
		this.http.options()
			.uri("/api/v1/products")
			.header("Origin", "https://evil.example.com")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void swaggerUiListsEveryServicesApiDocs() {
		this.http.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].name")
			.value(List.class, names -> assertThat(names).contains("user-service", "product-service", "order-service",
					"payment-service", "recommendation-service"));
	}

	@Test
	void oversizedBodyIsRefusedBeforeItReachesAService() {
		this.http.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void aReadTheServiceClosedTheConnectionOnIsSentOnceMore() {
		this.http.get()
			.uri("/api/v1/products/closes-once?attempt=read")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(echo -> assertThat(echo).startsWith("GET /api/v1/products/closes-once?attempt=read"));
		assertThat(upstreamCalls).containsEntry("GET /api/v1/products/closes-once?attempt=read", 2);
	}

	@Test
	void aWriteTheServiceClosedTheConnectionOnIsNotSentAgain() {
		this.http.post()
			.uri("/api/v1/products/closes-once?attempt=write")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(upstreamCalls).containsEntry("POST /api/v1/products/closes-once?attempt=write", 1);
	}

	@Test
	void aUrlOverTheLimitIsAUriTooLongProblemNamingTheParameter() {
		this.http.get()
			.uri("/api/v1/products?category=lamps&q=" + "a".repeat(5000))
			.exchange()
			.expectStatus()
			.isEqualTo(414)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/uri-too-long")
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).contains("5034 characters long").contains("at most 4096"))
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("q")
			.jsonPath("$.requestId")
			.exists();
	}

	@Test
	void aUrlJustUnderTheLimitIsRouted() {
		this.http.get()
			.uri("/api/v1/products?q=" + "a".repeat(4096 - "/api/v1/products?q=".length()))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void headersOverTheLimitAreARequestHeadersTooLargeProblemNamingTheLargest() {
		this.http.get()
			.uri("/api/v1/products")
			.header("X-Small", "x")
			.header("X-Bulky", "b".repeat(9000))
			.exchange()
			.expectStatus()
			.isEqualTo(431)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/request-headers-too-large")
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).contains("at most 8192").contains("'X-Bulky'"))
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("X-Bulky");
	}

	@Test
	void headersUnderTheLimitAreRouted() {
		this.http.get().uri("/api/v1/products").header("X-Bulky", "b".repeat(7000)).exchange().expectStatus().isOk();
	}

	/**
	 * The gateway closes an idle connection to a service before the service does (Tomcat: after its
	 * keep-alive timeout, 60 s), reuses the most recently used one first, and retires connections
	 * itself (the services keep one for any number of requests: config-repo/application.yml).
	 * Otherwise it sends a request on a connection the service is closing at that moment, and the
	 * shopper gets a 503 ("Connection prematurely closed BEFORE response"): 1-2 requests in 13,000
	 * in benchmark runs before this.
	 */
	@Test
	void closesIdleConnectionsToServicesBeforeTheServicesDo(@Autowired HttpClientProperties client) {
		Duration serviceKeepAlive = Duration.ofSeconds(60);
		assertThat(client.getPool().getMaxIdleTime()).isLessThanOrEqualTo(serviceKeepAlive.dividedBy(2));
		assertThat(client.getPool().getEvictionInterval()).isPositive()
			.isLessThan(serviceKeepAlive.minus(client.getPool().getMaxIdleTime()));
		assertThat(client.getPool().getLeasingStrategy()).isEqualTo(HttpClientProperties.Pool.LeasingStrategy.LIFO);
		// The services keep a connection for any number of requests: the gateway retires it.
		assertThat(client.getPool().getMaxLifeTime()).isNotNull();
	}

	/**
	 * An upstream that echoes the request line and headers; {@code /slow} answers after 5 s,
	 * {@code /closes-once} closes the connection unanswered the first time each method and URI come
	 * ({@link #upstreamCalls} counts them), and any request answers after its
	 * {@code X-Upstream-Delay-Ms}.
	 */
	static HttpServer startUpstream() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", exchange -> {
				if (exchange.getRequestURI().getPath().endsWith("/closes-once")
						&& upstreamCalls.merge(exchange.getRequestMethod() + " " + exchange.getRequestURI(), 1,
								Integer::sum) == 1) {
					// No answer: closing an exchange before its headers closes the connection.
					exchange.close();
					return;
				}
				if (exchange.getRequestURI().getPath().endsWith("/slow")) {
					sleep(Duration.ofSeconds(5));
				}
				String delay = exchange.getRequestHeaders().getFirst("X-Upstream-Delay-Ms");
				if (delay != null) {
					sleep(Duration.ofMillis(Long.parseLong(delay)));
				}
				StringBuilder echo = new StringBuilder(
						exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n");
				exchange.getRequestHeaders()
					.forEach((name, values) -> echo.append(name).append(": ").append(String.join(",", values))
						.append('\n'));
				byte[] body = echo.toString().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "text/plain");
				// Like every Emporium service, the upstream echoes the request id it was given.
				String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
				if (requestId != null) {
					exchange.getResponseHeaders().add("X-Request-Id", requestId);
				}
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Socket bindWithoutListening() {
		try {
			Socket socket = new Socket();
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
