package com.emporium.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.environment.PropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as the fleet sees it: serving the real {@code config-repo/} of this repository. No
 * search location is set, so this also shows the default {@code ./config-repo/} being found one
 * level up when started inside {@code config-server/} (Surefire's working directory).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// Nothing listens there: the server must start and serve while Eureka is down.
		properties = "eureka.client.service-url.defaultZone=http://localhost:1/eureka/")
class ConfigServerApplicationTests {

	private static final Path CONFIG_REPO = Path.of("../config-repo").toAbsolutePath().normalize();

	private static final Pattern FILE = Pattern.compile("file:? ?\\[?(/[^\\]']+\\.ya?ml)");

	@LocalServerPort
	private int port;

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void servesProductServiceLocalConfigurationWithPlaceholdersResolved() throws IOException {
		// The .properties view resolves ${VAR:default} the way a client without those variables would.
		String body = client().get().uri("/product-service-local.properties").retrieve().body(String.class);
		Properties properties = new Properties();
		properties.load(new StringReader(body));

		assertThat(properties).containsEntry("spring.datasource.url", "jdbc:postgresql://localhost:15432/products")
			.containsEntry("spring.datasource.username", "products")
			.containsEntry("spring.datasource.password", "products-demo")
			.containsEntry("eureka.client.service-url.defaultZone", "http://localhost:8761/eureka/")
			.containsEntry("spring.kafka.bootstrap-servers", "localhost:19092")
			.containsEntry("emporium.security.jwt.jwk-set-uri", "http://localhost:8081/.well-known/jwks.json");
	}

	@Test
	void servesProfileFilesBeforeSharedOnesFromTheRepositoryConfigRepo() {
		Environment environment = client().get()
			.uri("/product-service/local")
			.retrieve()
			.body(Environment.class);

		assertThat(environment).isNotNull();
		// A multi-document file's source is named "Config resource 'file [...]' via location ... (document #0)".
		assertThat(environment.getPropertySources()).extracting(ConfigServerApplicationTests::file)
			.containsExactly(CONFIG_REPO.resolve("product-service-local.yml"),
					CONFIG_REPO.resolve("application-local.yml"), CONFIG_REPO.resolve("product-service.yml"),
					CONFIG_REPO.resolve("application.yml"));
	}

	private static Path file(PropertySource source) {
		Matcher matcher = FILE.matcher(source.getName());
		assertThat(matcher.find()).as(source.getName()).isTrue();
		return Path.of(matcher.group(1));
	}

	@Test
	void leavesDatabasePasswordToTheEnvironmentOutsideProfileLocal() {
		Environment environment = client().get()
			.uri("/product-service/default")
			.retrieve()
			.body(Environment.class);

		assertThat(environment).isNotNull();
		assertThat(environment.getPropertySources())
			.filteredOn(source -> source.getSource().containsKey("spring.datasource.password"))
			.singleElement()
			.satisfies(source -> assertThat(source.getSource().get("spring.datasource.password"))
				.isEqualTo("${PRODUCT_DB_PASSWORD}"));
	}

	@Test
	void reportsLiveAndReadyWithoutEureka() {
		for (String path : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			String body = client().get().uri(path).retrieve().body(String.class);
			assertThat(body).as(path).contains("\"status\":\"UP\"");
		}
	}

}
