package com.emporium.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.platform.test.EmporiumIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The user service on embedded PostgreSQL and Kafka, checking tokens against its own
 * {@code /.well-known/jwks.json} over real HTTP, as every other service does. The JWKS URI must be
 * known before the server starts, so the port is chosen here rather than by
 * {@code RANDOM_PORT}; all test classes share this one context.
 */
@EmporiumIntegrationTest
public abstract class UserServiceIntegrationTest {

	/** The bootstrap admin the tests configure. */
	protected static final String ADMIN_EMAIL = "root@emporium.test";

	protected static final String ADMIN_PASSWORD = "quiet-orchard-ranger-77";

	protected static final String ISSUER = "emporium-user-tests";

	private static final int PORT = freePort();

	@LocalServerPort
	protected int port;

	protected RestTestClient http;

	@DynamicPropertySource
	static void selfIssuedTokens(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("emporium.security.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:%d/.well-known/jwks.json".formatted(PORT));
		registry.add("emporium.security.jwt.issuer", () -> ISSUER);
		registry.add("emporium.user.tokens.issuer", () -> ISSUER);
		registry.add("emporium.user.bootstrap-admin.email", () -> ADMIN_EMAIL);
		registry.add("emporium.user.bootstrap-admin.password", () -> ADMIN_PASSWORD);
	}

	@BeforeEach
	void client() {
		// The JDK client, not Apache HttpClient 5 (the default when on the classpath): that one silently
		// retries a 429 after its Retry-After, which would hide the answer a test is looking for.
		this.http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.build();
	}

	protected RestTestClient.ResponseSpec post(String path, String token, Object body) {
		RestTestClient.RequestBodySpec request = this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return (body != null) ? request.body(body).exchange() : request.exchange();
	}

	protected RestTestClient.ResponseSpec get(String path, String token) {
		RestTestClient.RequestHeadersSpec<?> request = this.http.get().uri(path);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.exchange();
	}

	/** Any method, with a JSON body when {@code body} is not null. */
	protected RestTestClient.ResponseSpec send(HttpMethod method, String path, String token, Object body) {
		RestTestClient.RequestBodySpec request = this.http.method(method).uri(path);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body == null) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	/** The body of a response as JSON, after checking its status. */
	protected static JsonNode body(RestTestClient.ResponseSpec response, int status) {
		return json(response.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	/** Whether a JSON object leaves a member out or sends it as null. */
	protected static boolean absent(JsonNode object, String member) {
		return object.path(member).isMissingNode() || object.path(member).isNull();
	}

	protected JsonNode admin() {
		return login(ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	protected String adminToken() {
		return admin().get("access_token").asString();
	}

	/** Has an admin open an account with these roles and signs in as it. */
	protected JsonNode signedInWithRoles(String... roles) {
		Map<String, Object> body = account(Map.of("roles", List.of(roles)));
		body.remove("role");
		body(post("/api/v1/admin/users", adminToken(), body), 201);
		return login((String) body.get("username"), (String) body.get("password"));
	}

	/** A registration body for a fresh, unique account; {@code overrides} replace or (null) remove fields. */
	protected static Map<String, Object> account(Map<String, Object> overrides) {
		String name = "u" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", name + "@example.com");
		body.put("username", name);
		body.put("password", "violet-tuesday-lantern-42");
		body.put("firstName", "Ada");
		body.put("lastName", "Lovelace");
		body.put("phone", "+44 20 7946 0958");
		overrides.forEach((key, value) -> {
			if (value == null) {
				body.remove(key);
			}
			else {
				body.put(key, value);
			}
		});
		return body;
	}

	protected static Map<String, Object> account() {
		return account(Map.of());
	}

	protected JsonNode register(Map<String, Object> body) {
		return json(post("/api/v1/auth/register", null, body).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	/** Signs in and returns the token response. */
	protected JsonNode login(String login, String password) {
		return json(post("/api/v1/auth/login", null, Map.of("login", login, "password", password)).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	/** Registers a fresh account and signs in as it. */
	protected JsonNode signedIn(Map<String, Object> overrides) {
		Map<String, Object> body = account(overrides);
		register(body);
		return login((String) body.get("username"), (String) body.get("password"));
	}

	protected static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
