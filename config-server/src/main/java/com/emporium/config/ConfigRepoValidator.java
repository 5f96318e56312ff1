package com.emporium.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.Profile;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;

/**
 * Checks at startup that every native search location exists and that every file in it parses
 * the way Spring will parse it when a client asks.
 * <p>
 * The native backend only reads files per request and skips missing directories, so without this
 * a typo in {@code config-repo/} is a 500 for the one service that reads the file, and a wrong
 * path is empty configuration for all of them: services (importing the server as
 * {@code optional:}) would then start on their built-in defaults.
 */
@Component
@Profile("native")
class ConfigRepoValidator implements InitializingBean {

	private static final String MALFORMED_ACTION = "Fix the file (YAML indents with spaces; a key appears once per "
			+ "document); ConfigRepoTests runs the same check in the build.";

	private static final String MISSING_ACTION = "Start the config server from the repository root, or set "
			+ "EMPORIUM_CONFIG_REPO to the config repository directory (e.g. file:/srv/emporium/config-repo/).";

	private final Environment environment;

	ConfigRepoValidator(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		String[] locations = this.environment.getProperty(ConfigRepoLocationPostProcessor.SEARCH_LOCATIONS,
				String[].class, new String[0]);
		for (String location : locations) {
			validateLocation(location.trim());
		}
	}

	private void validateLocation(String location) {
		boolean optional = location.startsWith("optional:");
		String value = optional ? location.substring("optional:".length()) : location;
		// Per-request placeholders cannot be checked up front; classpath locations ship in the jar.
		if (value.contains("{") || !value.startsWith("file:")) {
			return;
		}
		Path directory = Path.of(value.substring("file:".length()));
		if (!Files.isDirectory(directory)) {
			if (optional) {
				return;
			}
			throw new InvalidConfigRepoException("Config repository directory %s does not exist (%s=%s)"
				.formatted(directory.toAbsolutePath(), ConfigRepoLocationPostProcessor.SEARCH_LOCATIONS, location),
					MISSING_ACTION);
		}
		validateDirectory(directory);
	}

	/**
	 * Parses every {@code .yml}, {@code .yaml} and {@code .properties} file below the directory.
	 * @param directory a configuration repository
	 * @return the files checked, in name order
	 * @throws InvalidConfigRepoException naming the first malformed file and its line
	 */
	static List<Path> validateDirectory(Path directory) {
		List<Path> files;
		try (Stream<Path> paths = Files.walk(directory)) {
			files = paths.filter(Files::isRegularFile).filter(ConfigRepoValidator::isConfigFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files.forEach(ConfigRepoValidator::validateFile);
		return files;
	}

	static void validateFile(Path file) {
		String name = file.getFileName().toString();
		PropertySourceLoader loader = name.endsWith(".properties") ? new PropertiesPropertySourceLoader()
				: new YamlPropertySourceLoader();
		try {
			loader.load(name, new FileSystemResource(file));
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			String problem = (ex.getProblem() != null) ? ex.getProblem() : firstLine(ex.getMessage());
			String where = (mark != null) ? ", line %d, column %d".formatted(mark.getLine() + 1, mark.getColumn() + 1)
					: "";
			throw new InvalidConfigRepoException(
					"Malformed configuration file %s%s: %s".formatted(file.toAbsolutePath(), where, problem),
					MALFORMED_ACTION, ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidConfigRepoException("Malformed configuration file %s: %s".formatted(file.toAbsolutePath(),
					firstLine(NestedExceptionUtils.getMostSpecificCause(ex).getMessage())), MALFORMED_ACTION, ex);
		}
	}

	private static boolean isConfigFile(Path path) {
		String name = path.getFileName().toString();
		return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties");
	}

	private static String firstLine(String message) {
		return (message != null) ? message.lines().findFirst().orElse(message) : "unreadable";
	}

}
