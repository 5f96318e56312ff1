package com.emporium.devstack.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a service starts from its AOT cache. A real training run needs a Spring Boot service with its
 * infrastructure: {@code bench/} (FleetBench) and {@code ./emporium start} exercise that.
 */
class AotCachesTests {

	static final List<String> OPTS = List.of("-XX:+UseSerialGC", "-Xmx64m");

	@TempDir
	Path root;

	Path jar;

	AotCaches caches;

	@BeforeEach
	void serviceJar() throws IOException {
		this.jar = this.root.resolve(FleetService.ORDER_SERVICE.jar());
		Files.createDirectories(this.jar.getParent());
		Files.writeString(this.jar, "not really a jar");
		this.caches = new AotCaches(this.root, ProcessHandle.current().info().command().orElseThrow(), (service) -> OPTS);
	}

	@Test
	void withoutACacheTheServiceStartsFromItsJar() {
		assertThat(this.caches.fresh(FleetService.ORDER_SERVICE)).isFalse();
		assertThat(this.caches.launchArguments(FleetService.ORDER_SERVICE, AotMode.TRAIN))
			.containsExactly("-jar", this.jar.toString());
	}

	@Test
	void aCacheMadeFromThisJarAndTheseOptionsIsUsedUnlessTheModeIsOff() throws IOException {
		Path aot = fakeCache(OPTS);
		assertThat(this.caches.launchArguments(FleetService.ORDER_SERVICE, AotMode.USE)).containsExactly(
				"-XX:AOTCache=" + aot, "-jar", aot.resolveSibling("app").resolve("order-service.jar").toString());
		assertThat(this.caches.launchArguments(FleetService.ORDER_SERVICE, AotMode.OFF))
			.containsExactly("-jar", this.jar.toString());
	}

	@Test
	void aRebuiltJarOrOtherJvmOptionsMakeTheCacheStale() throws IOException {
		fakeCache(OPTS);
		assertThat(new AotCaches(this.root, "java", (service) -> List.of("-Xmx128m")).fresh(FleetService.ORDER_SERVICE)).isFalse();
		assertThat(this.caches.fresh(FleetService.ORDER_SERVICE)).isTrue();
		Files.setLastModifiedTime(this.jar, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(this.caches.fresh(FleetService.ORDER_SERVICE)).isFalse();
	}

	@Test
	void aFailedTrainingLeavesNoCacheAndTheServiceStartsFromItsJar() throws Exception {
		Path log = this.root.resolve("var/logs/order-service-aot.log");
		assertThat(this.caches.train(FleetService.ORDER_SERVICE, Map.of(), log)).isFalse();
		assertThat(this.caches.fresh(FleetService.ORDER_SERVICE)).isFalse();
		assertThat(this.caches.launchArguments(FleetService.ORDER_SERVICE, AotMode.USE))
			.containsExactly("-jar", this.jar.toString());
		assertThat(log).content().contains("-Djarmode=tools");
	}

	/** What a training run leaves: the extracted jar, the cache and the stamp. */
	private Path fakeCache(List<String> opts) throws IOException {
		Path dir = this.jar.resolveSibling("aot");
		Files.createDirectories(dir.resolve("app"));
		Files.writeString(dir.resolve("app").resolve("order-service.jar"), "extracted");
		Path aot = dir.resolve("order-service.aot");
		Files.writeString(aot, "cache");
		Files.writeString(dir.resolve("stamp"), "%d %d %s%n".formatted(Files.size(this.jar),
				Files.getLastModifiedTime(this.jar).toMillis(), String.join(" ", opts)));
		return aot;
	}

}
