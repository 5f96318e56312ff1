package com.emporium.config.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the deployment files and the contract they implement: each module's port and the
 * environment variables its configuration reads (docs/configuration.md).
 */
final class DeploymentFiles {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final List<String> MODULES = List.of("discovery", "config-server", "gateway", "user-service",
			"product-service", "order-service", "payment-service", "recommendation-service");

	static final List<String> DATA_STORES = List.of("postgres", "kafka", "mongodb");

	/** Ports of the data stores' images, which the fleet's addresses must use. */
	static final Map<String, Integer> DATA_STORE_PORTS = Map.of("postgres", 5432, "kafka", 9092, "mongodb", 27017);

	/** Read by Spring itself or the JVM rather than through a ${VAR} in our files. */
	static final Set<String> PLATFORM_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "SPRING_CLOUD_CONFIG_FAIL_FAST",
			"JDK_JAVA_OPTIONS");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

	private static final Pattern PORT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):(\\d+)}");

	private static final ObjectMapper KUBERNETES = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

	private DeploymentFiles() {
	}

	static String read(String relativePath) {
		try {
			return Files.readString(ROOT.resolve(relativePath));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(String relativePath) {
		return (Map<String, Object>) new Yaml().load(read(relativePath));
	}

	static List<Object> yamlDocuments(String content) {
		List<Object> documents = new ArrayList<>();
		for (Object document : new Yaml(new LoaderOptions()).loadAll(content)) {
			if (document != null) {
				documents.add(document);
			}
		}
		return documents;
	}

	/** A module's port as {@code server.port: ${<MODULE>_PORT:<default>}} declares it. */
	record ServicePort(String variable, int port) {
	}

	static ServicePort port(String module) {
		String file = module + "/src/main/resources/application.yml";
		Object value = path(yaml(file), "server", "port");
		Matcher matcher = PORT.matcher(String.valueOf(value));
		if (!matcher.matches()) {
			throw new AssertionError(file + ": server.port must be ${" + portVariable(module)
					+ ":<default>} (docs/configuration.md), was " + value);
		}
		return new ServicePort(matcher.group(1), Integer.parseInt(matcher.group(2)));
	}

	static String portVariable(String module) {
		return module.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
	}

	/** The files whose ${VAR}s a module resolves when run without profile (compose, k8s). */
	static List<String> configurationFiles(String module) {
		List<String> files = new ArrayList<>();
		files.add(module + "/src/main/resources/application.yml");
		if (!module.equals("discovery") && !module.equals("config-server")) {
			files.add("config-repo/application.yml");
			if (Files.exists(ROOT.resolve("config-repo/" + module + ".yml"))) {
				files.add("config-repo/" + module + ".yml");
			}
			files.add("platform/src/main/resources/emporium-platform-defaults.properties");
		}
		return files.stream().filter(file -> Files.exists(ROOT.resolve(file))).toList();
	}

	/** Variables the module's configuration needs because they have no default. */
	static Set<String> requiredVariables(String module) {
		Set<String> required = new LinkedHashSet<>();
		for (String file : configurationFiles(module)) {
			Matcher matcher = VARIABLE.matcher(read(file));
			while (matcher.find()) {
				if (matcher.group(2) == null) {
					required.add(matcher.group(1));
				}
			}
		}
		return required;
	}

	/** Every variable the module's configuration reads, with or without default. */
	static Set<String> readVariables(String module) {
		Set<String> read = new LinkedHashSet<>(PLATFORM_VARIABLES);
		for (String file : configurationFiles(module)) {
			Matcher matcher = VARIABLE.matcher(read(file));
			while (matcher.find()) {
				read.add(matcher.group(1));
			}
		}
		return read;
	}

	@SuppressWarnings("unchecked")
	static Object path(Map<String, Object> map, String... keys) {
		Object current = map;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> node)) {
				return null;
			}
			current = ((Map<String, Object>) node).get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Collections.emptyMap();
	}

	/** host:port pairs naming a fleet module or data store, as written in URLs and addresses. */
	static Map<String, Integer> addresses(String value) {
		Map<String, Integer> addresses = new LinkedHashMap<>();
		Matcher matcher = Pattern.compile("(?<![\\w.-])([a-z][a-z0-9-]*):(\\d+)").matcher(value);
		while (matcher.find()) {
			String host = matcher.group(1);
			if (MODULES.contains(host) || DATA_STORES.contains(host)) {
				addresses.put(host, Integer.parseInt(matcher.group(2)));
			}
		}
		return addresses;
	}

	/** A Kubernetes manifest document, parsed into the fabric8 object model. */
	record Manifest(String file, HasMetadata object) {

		String describe() {
			return this.file + " " + this.object.getKind() + "/" + this.object.getMetadata().getName();
		}

	}

	static List<String> kubernetesManifestFiles() {
		try (Stream<Path> files = Files.list(ROOT.resolve("k8s"))) {
			return files.map(path -> path.getFileName().toString())
				.filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
				.filter(name -> !name.startsWith("kustomization."))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Parses every manifest strictly: an unknown kind, a misspelt or misplaced field or a wrongly
	 * typed value fails, naming the file. fabric8 keeps unknown fields in each object's
	 * {@code additionalProperties} instead of rejecting them, so those are checked explicitly.
	 */
	static List<Manifest> kubernetesManifests() {
		List<Manifest> manifests = new ArrayList<>();
		for (String file : kubernetesManifestFiles()) {
			int index = 0;
			for (Object document : yamlDocuments(read("k8s/" + file))) {
				String where = "k8s/" + file + " (document " + (index++) + ")";
				KubernetesResource resource;
				try {
					resource = KUBERNETES.convertValue(document, KubernetesResource.class);
				}
				catch (IllegalArgumentException ex) {
					throw new AssertionError(where + " does not match the Kubernetes model: " + ex.getMessage(), ex);
				}
				if (resource instanceof GenericKubernetesResource generic) {
					throw new AssertionError(where + ": unknown kind " + generic.getApiVersion() + "/" + generic.getKind());
				}
				List<String> unknown = new ArrayList<>();
				collectUnknownFields(resource, "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
				if (!unknown.isEmpty()) {
					throw new AssertionError(where + ": fields unknown to the Kubernetes model: " + unknown);
				}
				manifests.add(new Manifest(file, (HasMetadata) resource));
			}
		}
		return manifests;
	}

	private static void collectUnknownFields(Object object, String path, List<String> unknown, Set<Object> seen) {
		if (object == null || !object.getClass().getName().startsWith("io.fabric8.") || !seen.add(object)) {
			return;
		}
		for (Class<?> type = object.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				field.setAccessible(true);
				Object value;
				try {
					value = field.get(object);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
				if (field.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
					extra.keySet().forEach(key -> unknown.add(path.isEmpty() ? String.valueOf(key) : path + "." + key));
				}
				else if (value instanceof Collection<?> items) {
					int i = 0;
					for (Object item : items) {
						collectUnknownFields(item, path(path, field.getName()) + "[" + (i++) + "]", unknown, seen);
					}
				}
				else if (value instanceof Map<?, ?> entries) {
					entries.forEach((key, item) -> collectUnknownFields(item, path(path, field.getName()) + "." + key,
							unknown, seen));
				}
				else {
					collectUnknownFields(value, path(path, field.getName()), unknown, seen);
				}
			}
		}
	}

	private static String path(String parent, String field) {
		return parent.isEmpty() ? field : parent + "." + field;
	}

}
