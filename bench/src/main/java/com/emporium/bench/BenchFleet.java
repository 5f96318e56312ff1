package com.emporium.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.emporium.devstack.fleet.AotMode;
import com.emporium.devstack.fleet.Fleet;
import com.emporium.devstack.fleet.FleetOptions;

/**
 * The fleet every bench measures: free ports, a fresh {@code var/}, the launcher's JVM options (or
 * {@code -Dbench.javaOpts}), the gateway's per-client rate limit off (one load generator is one
 * client: the budget would cap it at 50 requests/s), and the services' JDK AOT caches, as
 * {@code ./emporium start} uses them. Missing caches are made first, by a fleet that only trains
 * ({@code -Dbench.aot=off} measures without them).
 */
final class BenchFleet {

	private BenchFleet() {
	}

	static Fleet start(Path root) throws Exception {
		String javaOpts = System.getProperty("bench.javaOpts");
		AotMode aot = AotMode.valueOf(System.getProperty("bench.aot", "use").toUpperCase(java.util.Locale.ROOT));
		System.out.println("Service JVM options: " + ((javaOpts != null) ? javaOpts : "the launcher's defaults")
				+ ", AOT caches: " + aot.name().toLowerCase(java.util.Locale.ROOT));
		if (aot != AotMode.OFF) {
			try (Fleet trainer = Fleet.start(options(root, javaOpts).aot(AotMode.TRAIN).build())) {
				long started = System.nanoTime();
				if (!trainer.awaitAotTraining(Duration.ofMinutes(30))) {
					throw new IllegalStateException("AOT training did not finish within 30 minutes");
				}
				long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
				if (seconds > 1) {
					System.out.printf("AOT caches made first, in %d s (see var/logs/*-aot.log of that fleet)%n", seconds);
				}
			}
		}
		return Fleet.start(options(root, javaOpts).aot(aot).build());
	}

	private static FleetOptions.Builder options(Path root, String javaOpts) throws Exception {
		FleetOptions.Builder options = FleetOptions.builder(root)
			.varDir(Files.createTempDirectory("emporium-bench-"))
			.freePorts(true)
			.env("EMPORIUM_GATEWAY_RATELIMIT_ENABLED", "false");
		if (javaOpts != null) {
			options.javaOpts(List.of(javaOpts.trim().split("\\s+")));
		}
		return options;
	}

}
