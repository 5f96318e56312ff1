package com.emporium.devstack.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.emporium.devstack.infra.Ports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FleetTests {

	// Small and quick JVMs: the fake services do nothing.
	static final List<String> FAKE_OPTS = List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	@TempDir
	Path root;

	@BeforeEach
	void fakeServiceJars() throws IOException {
		for (FleetService service : FleetService.values()) {
			writeFakeJar(this.root.resolve(service.jar()));
		}
	}

	@Test
	void startsEveryServiceAgainstEmbeddedInfrastructureAndStopsEverything() {
		Fleet fleet = Fleet.start(options().build());
		List<ServiceInfo> services;
		int smtpPort = fleet.smtpPort();
		try {
			services = fleet.services();
			assertThat(services).extracting(ServiceInfo::name)
				.containsExactly("discovery", "config-server", "user-service", "product-service", "order-service",
						"payment-service", "recommendation-service", "gateway");
			assertThat(services).allSatisfy(service -> {
				assertThat(service.running()).isTrue();
				assertThat(service.healthyAt()).isAfter(service.startedAt());
				assertThat(HealthProbe.status(service.url())).isEqualTo("UP");
			});
			// Discovery and config-server start together; everything else once both answer.
			for (String service : List.of("user-service", "order-service", "recommendation-service", "gateway")) {
				assertThat(fleet.service(service).startedAt()).as(service)
					.isAfterOrEqualTo(fleet.service("config-server").healthyAt())
					.isAfterOrEqualTo(fleet.service("discovery").healthyAt());
			}
			assertThat(fleet.environment("order-service")).containsEntry("ORDER_DB_USER", "orders")
				.containsEntry("ORDER_DB_PASSWORD", "orders-demo")
				.containsEntry("ORDER_DB_URL", fleet.jdbcUrl("orders"))
				.containsEntry("KAFKA_BOOTSTRAP_SERVERS", fleet.kafkaBootstrapServers())
				.containsEntry("MONGODB_URI", fleet.mongoConnectionString())
				.containsEntry("SMTP_HOST", "localhost")
				.containsEntry("SMTP_PORT", String.valueOf(fleet.smtpPort()))
				.containsEntry("SPRING_PROFILES_ACTIVE", "local")
				.containsEntry("SERVER_PORT", String.valueOf(fleet.port("order-service")))
				.containsEntry("GATEWAY_PORT", String.valueOf(fleet.port("gateway")))
				.containsEntry("EUREKA_URL", "http://localhost:%d/eureka/".formatted(fleet.port("discovery")))
				.doesNotContainKey("USER_DB_PASSWORD");
			assertThat(fleet.mailCatcherUrl()).isNotEqualTo("http://localhost:18025/").startsWith("http://localhost:");
			assertThat(Ports.isListening(fleet.smtpPort())).isTrue();
			assertThat(fleet.table()).extracting(FleetTable.Row::name).contains("mail-catcher");
			assertThat(fleet.gatewayUrl()).isEqualTo("http://localhost:" + fleet.port("gateway"));
			assertThat(fleet.port("gateway")).isNotEqualTo(8080);

			long pid = fleet.pid("payment-service");
			fleet.stop("payment-service");
			assertThat(fleet.pid("payment-service")).isEqualTo(-1);
			assertThat(ProcessHandle.of(pid)).isEmpty();
			fleet.start("payment-service");
			assertThat(fleet.pid("payment-service")).isPositive().isNotEqualTo(pid);
			assertThat(HealthProbe.status(fleet.url("payment-service"))).isEqualTo("UP");
			assertThat(fleet.table()).extracting(FleetTable.Row::health).containsOnly("UP");
		}
		finally {
			fleet.close();
		}
		services = fleet.services();
		assertThat(services).noneMatch(ServiceInfo::running);
		assertThat(this.root.resolve("var/logs/order-service.log")).content().contains("order-service up on");
		assertThat(this.root.resolve("var/postgres/postgresql.conf")).exists();
		assertThat(this.root.resolve("var/kafka/meta.properties")).exists();
		assertThat(this.root.resolve("var/run/fleet.pids")).doesNotExist();
		assertThat(Ports.isListening(smtpPort)).isFalse();
		assertThat(ProcessHandle.current().descendants()).isEmpty();
	}

	@Test
	void namesTheServiceAndItsLogWhenOneDiesWhileStartingAndLeavesNothingRunning() {
		FleetOptions options = options().externalInfrastructure(true).env("FAKE_EXIT_SERVICE", "order-service").build();

		assertThatExceptionOfType(FleetException.class).isThrownBy(() -> Fleet.start(options))
			.withMessage("order-service exited with code 3 while starting: see var/logs/order-service.log.");
		assertThat(ProcessHandle.current().descendants()).isEmpty();
	}

	@Test
	void asksForABuildWhenAJarIsMissing() throws IOException {
		Files.delete(this.root.resolve("gateway/target/gateway.jar"));

		assertThatExceptionOfType(FleetException.class).isThrownBy(() -> Fleet.start(options().build()))
			.withMessage("gateway/target/gateway.jar is missing: run ./emporium build first.");
	}

	@Test
	void namesTheVariableThatMovesATakenPort() throws IOException {
		try (ServerSocket taken = new ServerSocket(0)) {
			FleetOptions options = FleetOptions.builder(this.root)
				.externalInfrastructure(true)
				.port("gateway", taken.getLocalPort())
				.javaOpts(FAKE_OPTS)
				.build();

			assertThatExceptionOfType(FleetException.class).isThrownBy(() -> Fleet.start(options))
				.withMessage("Port %d (gateway) is already in use: stop what uses it or set GATEWAY_PORT to a free port."
					.formatted(taken.getLocalPort()));
		}
		assertThat(ProcessHandle.current().descendants()).isEmpty();
	}

	@Test
	void readsPortsAndModeFromTheEnvironmentLikeTheLauncher() {
		int port = Ports.freePort();
		FleetOptions options = FleetOptions.fromEnvironment(this.root,
				java.util.Map.of("GATEWAY_PORT", String.valueOf(port), "EMPORIUM_INFRA", "external",
						"EMPORIUM_JAVA_OPTS", "-Xmx200m  -XX:+UseSerialGC", "EMPORIUM_VAR_DIR", "elsewhere"));

		assertThat(options.port("gateway")).isEqualTo(port);
		assertThat(options.port(FleetOptions.POSTGRES)).isEqualTo(15432);
		assertThat(options.port(FleetOptions.MAIL_SMTP)).isEqualTo(13025);
		assertThat(options.port(FleetOptions.MAIL_WEB)).isEqualTo(18025);
		assertThat(FleetOptions.fromEnvironment(this.root, java.util.Map.of("EMPORIUM_SMTP_PORT", "2525",
				"EMPORIUM_MAIL_PORT", "8025")).port(FleetOptions.MAIL_SMTP)).isEqualTo(2525);
		assertThat(options.externalInfrastructure()).isTrue();
		assertThat(options.javaOpts()).containsExactly("-Xmx200m", "-XX:+UseSerialGC");
		// Options given replace the defaults for every service, the gateway too.
		assertThat(options.javaOpts(FleetService.GATEWAY)).containsExactly("-Xmx200m", "-XX:+UseSerialGC");
		FleetOptions defaults = FleetOptions.fromEnvironment(this.root, java.util.Map.of());
		assertThat(defaults.javaOpts(FleetService.USER_SERVICE)).contains("-XX:TieredStopAtLevel=1");
		assertThat(defaults.javaOpts(FleetService.GATEWAY)).doesNotContain("-XX:TieredStopAtLevel=1")
			.contains("-XX:+UseSerialGC", "-Xmx256m");
		assertThat(options.varDir()).isEqualTo(this.root.resolve("elsewhere"));
		assertThat(options.aot()).isEqualTo(AotMode.TRAIN);
		assertThat(FleetOptions.fromEnvironment(this.root, java.util.Map.of("EMPORIUM_AOT", " Off")).aot())
			.isEqualTo(AotMode.OFF);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> FleetOptions.fromEnvironment(this.root, java.util.Map.of("EMPORIUM_AOT", "yes")))
			.withMessage("EMPORIUM_AOT is 'yes': use train (the default), use or off.");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> FleetOptions.fromEnvironment(this.root, java.util.Map.of("EMPORIUM_PG_PORT", "x")))
			.withMessage("EMPORIUM_PG_PORT is 'x': use a number.");
	}

	private FleetOptions.Builder options() {
		return FleetOptions.builder(this.root)
			.freePorts(true)
			.javaOpts(FAKE_OPTS)
			.startTimeout(Duration.ofSeconds(60))
			.stopTimeout(Duration.ofSeconds(10));
	}

	private static void writeFakeJar(Path jar) throws IOException {
		Files.createDirectories(jar.getParent());
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
		String entry = FakeService.class.getName().replace('.', '/') + ".class";
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out, manifest);
				InputStream classFile = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
			jarOut.putNextEntry(new JarEntry(entry));
			classFile.transferTo(jarOut);
			jarOut.closeEntry();
		}
	}

}
