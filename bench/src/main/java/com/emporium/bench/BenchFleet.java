package com.emporium.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.emporium.devstack.fleet.AotMode;
import com.emporium.devstack.fleet.Fleet;
import com.emporium.devstack.fleet.FleetOptions;

/**
 * The fleet every bench measures: free ports, a fresh {@code var/}, the launcher's JVM options (or
 * {@code -Dbench.javaOpts}), the gateway's per-client rate limit off (one load generator is one
 * client: the budget would cap it at 50 requests/s), and the services' JDK AOT caches, as
 * {@code ./emporium start} uses them. Missing caches are made first, by a fleet that only trains
 * ({@code -Dbench.aot=off} measures without them).
 * <p>
 * Each fleet's data (PostgreSQL, Kafka, MongoDB: about 1 GB after the search bench) is deleted once
 * it has stopped, also on Ctrl-C; its logs and Gatling reports stay. {@code -Dbench.keepData=true}
 * keeps the data, to look into it after the run.
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
			FleetOptions trainerOptions = options(root, javaOpts).aot(AotMode.TRAIN).build();
			try (Fleet trainer = Fleet.start(trainerOptions)) {
				long started = System.nanoTime();
				if (!trainer.awaitAotTraining(Duration.ofMinutes(30))) {
					throw new IllegalStateException("AOT training did not finish within 30 minutes");
				}
				long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
				if (seconds > 1) {
					System.out.printf("AOT caches made first, in %d s (see var/logs/*-aot.log of that fleet)%n", seconds);
				}
			}
			finally {
				deleteData(trainerOptions.varDir());
			}
		}
		Fleet fleet = Fleet.start(options(root, javaOpts).aot(aot).build());
		// Fleet.close is idempotent and serialised: after the bench's own close, or after the fleet's
		// shutdown hook on Ctrl-C, this hook finds the fleet stopped and only deletes.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			fleet.close();
			deleteData(fleet.options().varDir());
		}, "bench-data-cleanup"));
		return fleet;
	}

	/** Deletes a stopped fleet's data under {@code var}, keeping its logs and reports. */
	static void deleteData(Path var) {
		if (Boolean.getBoolean("bench.keepData")) {
			System.out.println("Data kept (-Dbench.keepData=true): " + var);
			return;
		}
		for (String data : List.of("postgres", "kafka", "mongo", "run")) {
			Path dir = var.resolve(data);
			if (!Files.exists(dir)) {
				continue;
			}
			try (Stream<Path> paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException | UncheckedIOException ex) {
				System.err.println("Could not delete " + dir + ": " + ex.getMessage());
			}
		}
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
