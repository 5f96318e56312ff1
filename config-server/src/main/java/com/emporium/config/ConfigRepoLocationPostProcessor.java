package com.emporium.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Turns the native backend's search locations into absolute {@code file:} directories.
 * <p>
 * Without this, {@code EMPORIUM_CONFIG_REPO=/srv/config-repo} (no {@code file:} prefix) is looked
 * up on the classpath and a server started from the wrong directory serves empty configuration:
 * both silently, because the native backend ignores locations it cannot find. A relative location
 * missing from the working directory is also looked up one level up, so the server finds the
 * repository's {@code config-repo/} when started inside {@code config-server/} (as
 * {@code ./mvnw -pl config-server spring-boot:run} does).
 */
public class ConfigRepoLocationPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SEARCH_LOCATIONS = "spring.cloud.config.server.native.search-locations";

	private static final Pattern URL_PREFIX = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

	private final Log log;

	public ConfigRepoLocationPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(ConfigRepoLocationPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String[] locations = environment.getProperty(SEARCH_LOCATIONS, String[].class);
		if (locations == null || !environment.acceptsProfiles(Profiles.of("native"))) {
			return;
		}
		List<String> normalized = normalize(Arrays.asList(locations), Path.of("").toAbsolutePath());
		environment.getPropertySources()
			.addFirst(new MapPropertySource("emporiumConfigRepoLocations",
					Map.of(SEARCH_LOCATIONS, String.join(",", normalized))));
		this.log.info("Serving configuration from " + normalized);
	}

	static List<String> normalize(List<String> locations, Path workingDirectory) {
		List<String> normalized = new ArrayList<>();
		for (String location : locations) {
			if (StringUtils.hasText(location)) {
				normalized.add(normalize(location.trim(), workingDirectory));
			}
		}
		return normalized;
	}

	static String normalize(String location, Path workingDirectory) {
		// {application}/{profile}/{label} locations are expanded per request by the server itself.
		if (location.contains("{")) {
			return location;
		}
		String optional = location.startsWith("optional:") ? "optional:" : "";
		String value = location.substring(optional.length());
		if (!URL_PREFIX.matcher(value).matches()) {
			value = "file:" + value;
		}
		if (!value.startsWith("file:")) {
			return location;
		}
		Path path = Path.of(value.substring("file:".length()));
		if (!path.isAbsolute()) {
			Path inWorkingDirectory = workingDirectory.resolve(path).normalize();
			Path inParent = (workingDirectory.getParent() != null)
					? workingDirectory.getParent().resolve(path).normalize() : inWorkingDirectory;
			path = (!Files.isDirectory(inWorkingDirectory) && Files.isDirectory(inParent)) ? inParent
					: inWorkingDirectory;
		}
		String directory = path.toString().replace('\\', '/');
		return optional + "file:" + (directory.endsWith("/") ? directory : directory + "/");
	}

	@Override
	public int getOrder() {
		// After config data, so the value from application.yml and EMPORIUM_CONFIG_REPO is known.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
