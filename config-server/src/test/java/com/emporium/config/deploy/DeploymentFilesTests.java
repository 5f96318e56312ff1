package com.emporium.config.deploy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.emporium.config.deploy.DeploymentFiles.Manifest;

import static com.emporium.config.deploy.DeploymentFiles.DATA_STORES;
import static com.emporium.config.deploy.DeploymentFiles.DATA_STORE_PORTS;
import static com.emporium.config.deploy.DeploymentFiles.MODULES;
import static com.emporium.config.deploy.DeploymentFiles.ROOT;
import static com.emporium.config.deploy.DeploymentFiles.addresses;
import static com.emporium.config.deploy.DeploymentFiles.map;
import static com.emporium.config.deploy.DeploymentFiles.port;
import static com.emporium.config.deploy.DeploymentFiles.portVariable;
import static com.emporium.config.deploy.DeploymentFiles.readVariables;
import static com.emporium.config.deploy.DeploymentFiles.requiredVariables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline checks that {@code docker-compose.yml}, {@code k8s/} and the {@code Dockerfile} run every
 * module the way docs/configuration.md and the modules' own configuration say: same ports, every
 * variable without default supplied, no variable set that nothing reads (a typo would otherwise
 * fall back to a localhost default), only the gateway exposed. No Docker engine or cluster needed.
 */
class DeploymentFilesTests {

	private static final Pattern KUBERNETES_REFERENCE = Pattern.compile("\\$\\(([A-Z][A-Z0-9_]*)\\)");

	private static Map<String, Object> compose;

	private static List<Manifest> manifests;

	@BeforeAll
	static void readDeploymentFiles() {
		compose = DeploymentFiles.yaml("docker-compose.yml");
		manifests = DeploymentFiles.kubernetesManifests();
	}

	// --- the modules themselves ---------------------------------------------------------------

	@Test
	void everyModuleDeclaresItsPortAsDocumented() {
		for (String module : MODULES) {
			assertThat(port(module).variable()).as(module).isEqualTo(portVariable(module));
		}
	}

	// --- docker-compose.yml -------------------------------------------------------------------

	@Test
	void composeRunsEveryModuleAndDataStore() {
		assertThat(services().keySet()).containsAll(MODULES).containsAll(DATA_STORES);
	}

	@Test
	void composeBuildsEveryModuleFromTheDockerfileWithTheProjectVersion() {
		for (String module : MODULES) {
			Map<String, Object> service = service(module);
			assertThat(DeploymentFiles.path(service, "build", "args", "SERVICE")).as(module).isEqualTo(module);
			assertThat(DeploymentFiles.path(service, "build", "context")).as(module).isEqualTo(".");
			assertThat(service.get("image")).as(module).isEqualTo("emporium/" + module + ":" + projectVersion());
		}
	}

	@Test
	void composePublishesOnlyTheGatewayTheEurekaDashboardAndTheMailCatcher() {
		Map<String, List<String>> published = new LinkedHashMap<>();
		services().forEach((name, service) -> {
			List<?> ports = (List<?>) map(service).get("ports");
			if (ports != null) {
				published.put(name, ports.stream().map(String::valueOf).toList());
			}
		});
		assertThat(published).containsOnlyKeys("gateway", "discovery", "mailpit")
			.containsEntry("mailpit", List.of("8025:8025"))
			.containsEntry("gateway", List.of(port("gateway").port() + ":" + port("gateway").port()))
			.containsEntry("discovery", List.of(port("discovery").port() + ":" + port("discovery").port()));
	}

	@Test
	void composeChecksHealthOfEveryContainerAndStartsOnlyOnHealthyDependencies() {
		services().forEach((name, value) -> {
			Map<String, Object> service = map(value);
			assertThat(DeploymentFiles.path(service, "healthcheck", "test")).as(name + " healthcheck").isNotNull();
			map(service.get("depends_on")).forEach((dependency, condition) -> {
				assertThat(services()).as(name + " depends on").containsKey(dependency);
				assertThat(map(condition)).as(name + " -> " + dependency)
					.containsEntry("condition", "service_healthy");
			});
		});
		for (String module : MODULES) {
			if (!module.equals("discovery")) {
				assertThat(map(service(module).get("depends_on"))).as(module).containsKey("discovery");
			}
			if (!module.equals("discovery") && !module.equals("config-server")) {
				assertThat(map(service(module).get("depends_on"))).as(module).containsKey("config-server");
			}
		}
	}

	@Test
	void composeAddressesUseEachServicesPort() {
		for (String module : MODULES) {
			Map<String, String> environment = environment(module);
			assertThat(environment).as(module + " must keep its documented port")
				.doesNotContainKeys(portVariable(module), "SERVER_PORT");
			environment.forEach((name, value) -> assertAddressesUseServicePorts(module + " " + name, value));
		}
	}

	@Test
	void composeProvidesEveryVariableWithoutDefault() {
		for (String module : MODULES) {
			assertThat(environment(module).keySet()).as(module + ": variables without default in its configuration")
				.containsAll(requiredVariables(module));
		}
	}

	@Test
	void composeSetsOnlyVariablesTheServicesRead() {
		for (String module : MODULES) {
			assertThat(readVariables(module)).as(module + ": set in docker-compose.yml but read by nothing")
				.containsAll(environment(module).keySet());
		}
	}

	@Test
	void composeGivesEachDatabaseAndItsServiceTheSamePassword() {
		Map<String, String> postgres = environment("postgres");
		for (String prefix : List.of("USER", "PRODUCT", "ORDER", "PAYMENT")) {
			String module = prefix.toLowerCase() + "-service";
			assertThat(postgres.get(prefix + "_DB_PASSWORD")).as(module)
				.isNotBlank()
				.isEqualTo(environment(module).get(prefix + "_DB_PASSWORD"));
		}
		assertThat(environment("recommendation-service").get("MONGODB_URI"))
			.contains(":" + environment("mongodb").get("RECOMMENDATION_DB_PASSWORD") + "@mongodb:");
	}

	@Test
	void composeMountsFilesThatExist() {
		services().forEach((name, service) -> {
			List<?> volumes = (List<?>) map(service).get("volumes");
			for (Object volume : (volumes != null) ? volumes : List.of()) {
				String source = String.valueOf(volume).split(":")[0];
				if (source.startsWith(".")) {
					assertThat(ROOT.resolve(source)).as(name + " mounts").exists();
				}
			}
		});
	}

	// --- k8s/ ---------------------------------------------------------------------------------

	@Test
	void kustomizationAppliesEveryManifestAndGeneratedFile() {
		Map<String, Object> kustomization = DeploymentFiles.yaml("k8s/kustomization.yaml");
		assertThat(kustomization).containsEntry("namespace", "emporium");
		assertThat(new TreeSet<>((List<?>) kustomization.get("resources"))).as("kustomization.yaml resources")
			.isEqualTo(new TreeSet<>(DeploymentFiles.kubernetesManifestFiles()));
		for (Object generator : (List<?>) kustomization.get("configMapGenerator")) {
			for (Object file : (List<?>) map(generator).get("files")) {
				assertThat(ROOT.resolve("k8s").resolve(String.valueOf(file))).exists();
			}
		}
	}

	@Test
	void kubernetesManifestsDeserializeStrictlyIntoTheKubernetesModel() {
		// Parsing in @BeforeAll already fails on unknown kinds, fields or types; this names the kinds.
		assertThat(manifests).extracting(manifest -> manifest.object().getKind())
			.contains("Namespace", "ConfigMap", "Secret", "Deployment", "StatefulSet", "Service", "Ingress");
		assertThat(manifests).allSatisfy(manifest -> assertThat(manifest.object().getMetadata().getName())
			.as(manifest.file())
			.isNotBlank());
	}

	@Test
	void kubernetesRunsEveryModuleBehindAServiceOnItsPort() {
		for (String module : MODULES) {
			int port = port(module).port();
			Container container = container(module);
			assertThat(container.getImage()).isEqualTo("emporium/" + module + ":" + projectVersion());
			assertThat(container.getPorts()).as(module).extracting(ContainerPort::getContainerPort).containsExactly(port);
			Service service = object(Service.class, module);
			assertThat(service.getSpec().getType()).as(module + " Service type").isIn(null, "ClusterIP");
			assertThat(service.getSpec().getSelector())
				.isEqualTo(object(Deployment.class, module).getSpec().getSelector().getMatchLabels());
			assertThat(service.getSpec().getPorts()).as(module).singleElement().satisfies(servicePort -> {
				assertThat(servicePort.getPort()).isEqualTo(port);
				assertThat(containerPort(container, servicePort.getTargetPort())).isEqualTo(port);
			});
		}
	}

	@Test
	void kubernetesProbesEveryModuleOnItsLivenessAndReadinessGroups() {
		for (String module : MODULES) {
			Container container = container(module);
			int port = port(module).port();
			assertThat(container.getLivenessProbe()).as(module + " liveness").isNotNull();
			assertThat(container.getReadinessProbe()).as(module + " readiness").isNotNull();
			assertHealthGroup(module, container, container.getLivenessProbe().getHttpGet(), "liveness", port);
			assertHealthGroup(module, container, container.getReadinessProbe().getHttpGet(), "readiness", port);
			if (container.getStartupProbe() != null) {
				assertHealthGroup(module, container, container.getStartupProbe().getHttpGet(), "liveness", port);
			}
		}
	}

	@Test
	void kubernetesBoundsTheResourcesOfEveryContainer() {
		for (Manifest manifest : workloads()) {
			for (Container container : podSpec(manifest).getContainers()) {
				String name = manifest.describe() + " " + container.getName();
				Map<String, Quantity> requests = container.getResources().getRequests();
				Map<String, Quantity> limits = container.getResources().getLimits();
				assertThat(requests).as(name + " requests").containsKeys("cpu", "memory");
				assertThat(limits).as(name + " limits").containsKey("memory");
				assertThat(bytes(limits.get("memory"))).as(name + " memory limit >= request")
					.isGreaterThanOrEqualTo(bytes(requests.get("memory")));
				if (MODULES.contains(container.getName())) {
					// The per-service target is < 300 MB resident: scheduling must not assume more.
					assertThat(bytes(requests.get("memory"))).as(name + " memory request")
						.isLessThanOrEqualTo(300L * 1024 * 1024);
				}
			}
		}
	}

	@Test
	void kubernetesTurnsOffServiceLinksSoNoServiceOverridesAPortVariable() {
		// A Service "discovery" would inject DISCOVERY_PORT=tcp://...; one named "kafka" would inject
		// KAFKA_* variables that the Kafka image turns into broker settings.
		for (Manifest manifest : workloads()) {
			assertThat(podSpec(manifest).getEnableServiceLinks()).as(manifest.describe()).isFalse();
		}
	}

	@Test
	void kubernetesRunsTheFleetAsTheImagesNonRootUser() {
		for (String module : MODULES) {
			PodSpec pod = object(Deployment.class, module).getSpec().getTemplate().getSpec();
			assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(module).isTrue();
			assertThat(DeploymentFiles.read("Dockerfile"))
				.contains("USER " + pod.getSecurityContext().getRunAsUser() + ":");
		}
	}

	@Test
	void kubernetesExposesOnlyTheGatewayOutsideTheCluster() {
		List<Ingress> ingresses = objects(Ingress.class);
		assertThat(ingresses).isNotEmpty();
		for (Ingress ingress : ingresses) {
			for (IngressRule rule : ingress.getSpec().getRules()) {
				for (HTTPIngressPath path : rule.getHttp().getPaths()) {
					assertThat(path.getBackend().getService().getName()).isEqualTo("gateway");
					assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
				}
			}
		}
		assertThat(objects(Service.class)).allSatisfy(service -> assertThat(service.getSpec().getType())
			.as(service.getMetadata().getName())
			.isIn(null, "ClusterIP"));
	}

	@Test
	void kubernetesProvidesEveryVariableWithoutDefault() {
		for (String module : MODULES) {
			assertThat(kubernetesEnvironment(module).keySet()).as(module + ": variables without default")
				.containsAll(requiredVariables(module));
		}
	}

	@Test
	void kubernetesSetsOnlyVariablesTheServicesRead() {
		Map<String, Set<String>> sharedKeysReadBy = new HashMap<>();
		for (String module : MODULES) {
			Container container = container(module);
			Set<String> read = readVariables(module);
			String values = String.join(" ",
					container.getEnv().stream().map(EnvVar::getValue).filter(Objects::nonNull).toList());
			Matcher referenced = KUBERNETES_REFERENCE.matcher(values);
			while (referenced.find()) {
				read.add(referenced.group(1));
			}
			assertThat(read).as(module + ": env set in k8s/ but read by nothing")
				.containsAll(container.getEnv().stream().map(EnvVar::getName).toList());
			for (EnvFromSource source : container.getEnvFrom()) {
				for (String key : configMap(source.getConfigMapRef().getName()).getData().keySet()) {
					if (read.contains(key)) {
						sharedKeysReadBy.computeIfAbsent(key, k -> new TreeSet<>()).add(module);
					}
				}
			}
		}
		for (Manifest manifest : manifests) {
			if (manifest.object() instanceof ConfigMap map && isEnvFromSource(map.getMetadata().getName())) {
				assertThat(sharedKeysReadBy.keySet()).as(manifest.describe() + " keys read by no module using it")
					.containsAll(map.getData().keySet());
			}
		}
	}

	@Test
	void kubernetesReferencesOnlyExistingConfigMapAndSecretKeys() {
		Set<String> generated = generatedConfigMaps();
		for (Manifest manifest : workloads()) {
			PodSpec pod = podSpec(manifest);
			for (Container container : pod.getContainers()) {
				for (EnvVar variable : container.getEnv()) {
					if (variable.getValueFrom() == null) {
						continue;
					}
					String name = manifest.describe() + " " + variable.getName();
					if (variable.getValueFrom().getConfigMapKeyRef() != null) {
						var reference = variable.getValueFrom().getConfigMapKeyRef();
						assertThat(configMap(reference.getName()).getData()).as(name).containsKey(reference.getKey());
					}
					if (variable.getValueFrom().getSecretKeyRef() != null) {
						var reference = variable.getValueFrom().getSecretKeyRef();
						Secret secret = object(Secret.class, reference.getName());
						Set<String> keys = new LinkedHashSet<>();
						if (secret.getStringData() != null) {
							keys.addAll(secret.getStringData().keySet());
						}
						if (secret.getData() != null) {
							keys.addAll(secret.getData().keySet());
						}
						assertThat(keys).as(name).contains(reference.getKey());
					}
				}
				for (EnvFromSource source : container.getEnvFrom()) {
					assertThat(source.getConfigMapRef()).as(manifest.describe() + " envFrom").isNotNull();
					configMap(source.getConfigMapRef().getName());
				}
			}
			for (Volume volume : pod.getVolumes()) {
				if (volume.getConfigMap() != null) {
					assertThat(generated).as(manifest.describe() + " volume " + volume.getName())
						.contains(volume.getConfigMap().getName());
				}
			}
		}
	}

	@Test
	void kubernetesAddressesUseEachServicesPort() {
		for (Manifest manifest : manifests) {
			if (manifest.object() instanceof ConfigMap map && map.getData() != null) {
				map.getData().forEach((key, value) -> assertAddressesUseServicePorts(manifest.describe() + " " + key,
						value));
			}
		}
		for (String module : MODULES) {
			assertThat(kubernetesEnvironment(module)).as(module + " must keep its documented port")
				.doesNotContainKeys(portVariable(module), "SERVER_PORT");
			kubernetesEnvironment(module).forEach(
					(name, value) -> assertAddressesUseServicePorts(module + " " + name, String.valueOf(value)));
		}
		for (String store : DATA_STORES) {
			assertThat(object(Service.class, store).getSpec().getPorts()).as(store)
				.extracting(ServicePort::getPort)
				.contains(DATA_STORE_PORTS.get(store));
		}
	}

	// --- Dockerfile ---------------------------------------------------------------------------

	@Test
	void dockerfileBuildsAnyModuleFromItsJarAsANonRootUserWithAHealthcheck() {
		String dockerfile = DeploymentFiles.read("Dockerfile");
		assertThat(dockerfile).contains("ARG SERVICE")
			.contains("COPY ${SERVICE}/target/${SERVICE}.jar")
			.contains("eclipse-temurin:25-jre")
			.containsPattern("(?m)^USER [1-9][0-9]*:[1-9][0-9]*$")
			.containsPattern("(?m)^HEALTHCHECK ")
			.contains("/actuator/health/readiness");
		List<String> ignore = DeploymentFiles.read(".dockerignore").lines().map(String::trim).toList();
		for (String module : MODULES) {
			assertThat(ignore).as(".dockerignore keeps the jar of " + module)
				.contains("!" + module + "/target/" + module + ".jar");
		}
	}

	// --- helpers ------------------------------------------------------------------------------

	private static Map<String, Object> services() {
		return map(compose.get("services"));
	}

	private static Map<String, Object> service(String name) {
		assertThat(services()).as("docker-compose.yml services").containsKey(name);
		return map(services().get(name));
	}

	private static Map<String, String> environment(String name) {
		Map<String, String> environment = new LinkedHashMap<>();
		map(service(name).get("environment")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	private static void assertAddressesUseServicePorts(String where, String value) {
		addresses(value).forEach((host, port) -> assertThat(port).as(where + " address of " + host)
			.isEqualTo(MODULES.contains(host) ? port(host).port() : DATA_STORE_PORTS.get(host)));
	}

	private static String projectVersion() {
		Matcher matcher = Pattern.compile("<artifactId>emporium</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(DeploymentFiles.read("pom.xml"));
		assertThat(matcher.find()).as("project version in pom.xml").isTrue();
		return matcher.group(1);
	}

	private static <T> List<T> objects(Class<T> type) {
		return manifests.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
	}

	private static <T> T object(Class<T> type, String name) {
		List<T> found = manifests.stream()
			.map(Manifest::object)
			.filter(type::isInstance)
			.filter(object -> object.getMetadata().getName().equals(name))
			.map(type::cast)
			.toList();
		assertThat(found).as(type.getSimpleName() + " " + name + " in k8s/").hasSize(1);
		return found.get(0);
	}

	private static ConfigMap configMap(String name) {
		return object(ConfigMap.class, name);
	}

	private static List<Manifest> workloads() {
		return manifests.stream()
			.filter(manifest -> manifest.object() instanceof Deployment || manifest.object() instanceof StatefulSet)
			.toList();
	}

	private static PodSpec podSpec(Manifest manifest) {
		return (manifest.object() instanceof Deployment deployment) ? deployment.getSpec().getTemplate().getSpec()
				: ((StatefulSet) manifest.object()).getSpec().getTemplate().getSpec();
	}

	private static Container container(String module) {
		List<Container> containers = object(Deployment.class, module).getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).as(module).extracting(Container::getName).containsExactly(module);
		return containers.get(0);
	}

	/** A module's variables: explicit env plus the keys of the ConfigMaps it takes whole. */
	private static Map<String, Object> kubernetesEnvironment(String module) {
		Map<String, Object> environment = new LinkedHashMap<>();
		Container container = container(module);
		for (EnvFromSource source : container.getEnvFrom()) {
			environment.putAll(configMap(source.getConfigMapRef().getName()).getData());
		}
		for (EnvVar variable : container.getEnv()) {
			environment.put(variable.getName(), (variable.getValue() != null) ? variable.getValue() : "(reference)");
		}
		return environment;
	}

	private static boolean isEnvFromSource(String configMap) {
		return MODULES.stream()
			.flatMap(module -> container(module).getEnvFrom().stream())
			.anyMatch(source -> source.getConfigMapRef().getName().equals(configMap));
	}

	private static Set<String> generatedConfigMaps() {
		Set<String> names = new TreeSet<>();
		for (Object generator : (List<?>) DeploymentFiles.yaml("k8s/kustomization.yaml").get("configMapGenerator")) {
			names.add(String.valueOf(map(generator).get("name")));
		}
		return names;
	}

	private static int containerPort(Container container, IntOrString port) {
		if (port.getIntVal() != null) {
			return port.getIntVal();
		}
		List<Integer> named = new ArrayList<>();
		for (ContainerPort candidate : container.getPorts()) {
			if (port.getStrVal().equals(candidate.getName())) {
				named.add(candidate.getContainerPort());
			}
		}
		assertThat(named).as(container.getName() + " port " + port.getStrVal()).hasSize(1);
		return named.get(0);
	}

	private static void assertHealthGroup(String module, Container container, HTTPGetAction probe, String group,
			int port) {
		assertThat(probe).as(module + " " + group + " probe is an HTTP GET").isNotNull();
		assertThat(probe.getPath()).as(module).isEqualTo("/actuator/health/" + group);
		assertThat(containerPort(container, probe.getPort())).as(module + " " + group + " port").isEqualTo(port);
	}

	private static long bytes(Quantity quantity) {
		return Quantity.getAmountInBytes(quantity).longValueExact();
	}

}
