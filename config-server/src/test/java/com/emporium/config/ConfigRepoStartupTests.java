package com.emporium.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an operator sees when the configuration repository is broken: the server refuses to start
 * and Boot's failure report names the file and line. Spring alone would start, then answer 500 to
 * the one service reading the file, with a SnakeYAML message that names no file.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigRepoStartupTests {

	@Test
	void refusesToStartOnMalformedFileNamingFileAndLine(@TempDir Path repo, CapturedOutput output)
			throws IOException {
		Files.writeString(repo.resolve("application.yml"), "spring:\n  kafka:\n    bootstrap-servers: kafka:9092\n");
		Path broken = Files.writeString(repo.resolve("gateway.yml"),
				"emporium:\n  gateway:\n    cors:\n      allowed-origins: a\n     timeout: 2s\n");

		assertThatThrownBy(() -> start("file:" + repo + "/")).hasStackTraceContaining(
				"Malformed configuration file " + broken.toAbsolutePath() + ", line 5");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Malformed configuration file " + broken.toAbsolutePath() + ", line 5, column ");
	}

	@Test
	void refusesToStartWhenConfigRepoDirectoryIsMissing(@TempDir Path parent, CapturedOutput output) {
		Path missing = parent.resolve("no-such-config-repo");

		assertThatThrownBy(() -> start("file:" + missing + "/"))
			.hasStackTraceContaining("Config repository directory " + missing + " does not exist");
		assertThat(output).contains("set EMPORIUM_CONFIG_REPO");
	}

	@Test
	void addsFilePrefixToAPlainDirectoryInsteadOfSearchingTheClasspath(@TempDir Path repo) throws IOException {
		Files.writeString(repo.resolve("product-service.yml"), "spring:\n  datasource:\n    username: products\n");

		try (ConfigurableApplicationContext context = start(repo.toString())) {
			assertThat(context.getEnvironment().getProperty(ConfigRepoLocationPostProcessor.SEARCH_LOCATIONS))
				.isEqualTo("file:" + repo + "/");
		}
	}

	private static ConfigurableApplicationContext start(String searchLocation) {
		// Command-line arguments: they outrank application.yml, as EMPORIUM_CONFIG_REPO would.
		return new SpringApplicationBuilder(ConfigServerApplication.class).run("--server.port=0",
				"--eureka.client.enabled=false", "--" + ConfigRepoLocationPostProcessor.SEARCH_LOCATIONS + "=" + searchLocation);
	}

}
