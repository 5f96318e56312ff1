package com.emporium.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fleet configuration in {@code config-repo/}: it parses, keeps secrets out, and only uses
 * environment variables that {@code docs/configuration.md} documents.
 */
class ConfigRepoTests {

	static final Path CONFIG_REPO = Path.of("../config-repo").toAbsolutePath().normalize();

	private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

	@Test
	void everyFileParsesAsSpringWillParseIt() {
		// Fails with "Malformed configuration file <path>, line N, column M: <problem>".
		List<Path> checked = ConfigRepoValidator.validateDirectory(CONFIG_REPO);

		assertThat(checked).extracting(path -> path.getFileName().toString())
			.contains("application.yml", "gateway.yml", "user-service.yml", "product-service.yml", "order-service.yml",
					"payment-service.yml", "recommendation-service.yml");
	}

	@Test
	void namesTheFileAndLineOfAMalformedFile(@TempDir Path repo) throws IOException {
		Files.writeString(repo.resolve("application.yml"), "logging:\n  level:\n    root: INFO\n");
		Path broken = Files.writeString(repo.resolve("order-service.yml"),
				"spring:\n  datasource:\n    url: a\n    url: b\n");

		assertThatExceptionOfType(InvalidConfigRepoException.class)
			.isThrownBy(() -> ConfigRepoValidator.validateDirectory(repo))
			.withMessageStartingWith("Malformed configuration file " + broken + ", line 4, column 5:")
			.withMessageContaining("url");
	}

	@Test
	void leavesPasswordsToTheEnvironmentOutsideProfileLocal() throws IOException {
		for (Path file : yamlFiles()) {
			if (isLocalProfile(file)) {
				continue;
			}
			for (EnumerablePropertySource<?> source : load(file)) {
				for (String name : source.getPropertyNames()) {
					if (name.toLowerCase().endsWith("password") || name.toLowerCase().endsWith("secret")) {
						assertThat(String.valueOf(source.getProperty(name)))
							.as("%s in %s must be ${VAR} with no default: no working password outside profile local",
									name, file.getFileName())
							.matches("\\$\\{[A-Z][A-Z0-9_]*}");
					}
				}
			}
		}
	}

	@Test
	void keepsDemoValuesInProfileLocal() throws IOException {
		for (Path file : yamlFiles()) {
			if (!isLocalProfile(file)) {
				assertThat(Files.readString(file)).as(file.getFileName().toString()).doesNotContainIgnoringCase("-demo");
			}
		}
	}

	@Test
	void usesOnlyDocumentedEnvironmentVariables() throws IOException {
		String contract = Files.readString(CONFIG_REPO.resolveSibling("docs/configuration.md"));
		Set<String> undocumented = new TreeSet<>();
		for (Path file : yamlFiles()) {
			Matcher matcher = ENVIRONMENT_VARIABLE.matcher(Files.readString(file));
			while (matcher.find()) {
				if (!contract.contains("`" + matcher.group(1) + "`")) {
					undocumented.add(matcher.group(1) + " (" + file.getFileName() + ")");
				}
			}
		}
		assertThat(undocumented).as("variables missing from docs/configuration.md").isEmpty();
	}

	static boolean isLocalProfile(Path file) {
		return file.getFileName().toString().matches(".*-local\\.ya?ml");
	}

	static List<Path> yamlFiles() throws IOException {
		try (var files = Files.list(CONFIG_REPO)) {
			return files.filter(path -> path.toString().endsWith(".yml") || path.toString().endsWith(".yaml"))
				.sorted()
				.toList();
		}
	}

	static List<EnumerablePropertySource<?>> load(Path file) throws IOException {
		List<EnumerablePropertySource<?>> sources = new ArrayList<>();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load(file.getFileName().toString(),
				new FileSystemResource(file))) {
			sources.add((EnumerablePropertySource<?>) source);
		}
		return sources;
	}

}
