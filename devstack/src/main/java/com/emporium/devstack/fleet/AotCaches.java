package com.emporium.devstack.fleet;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDK 25 ahead-of-time caches (JEP 483/514): a service JVM started with {@code -XX:AOTCache} finds
 * its classes already loaded and linked, which halves its start on this 2-core machine (product-service
 * alone: 20-25 s without, 10-11 s with). A cache belongs to one jar and one set of JVM options, so it
 * lives beside the jar, in {@code <module>/target/aot/}: the jar extracted ({@code java -Djarmode=tools
 * extract}; the JVM caches only classes from plain class-path jars, not from a Boot fat jar's nested
 * ones), the cache, and a stamp naming what the cache was made from. {@code mvn clean} removes it with
 * the jar.
 * <p>
 * A cache is made by a training run: the service starts once more on a free port, with
 * {@code -Dspring.context.exit=onRefresh} (it exits as soon as its context is up), without registering
 * with Eureka or consuming from Kafka, and the JVM writes what it loaded to the cache on exit. That
 * needs the infrastructure and the config server, so the fleet trains after it is up, in the
 * background, one service at a time, at low priority; the next start uses the caches. A stale or
 * rejected cache only costs time: the JVM then starts without it.
 */
final class AotCaches {

	private static final Logger log = LoggerFactory.getLogger(AotCaches.class);

	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(4);

	/**
	 * Options a training run leaves out: the dump of a class-rich service needs more metaspace than a
	 * run (the cap would make it fail), and the JVM refuses {@code -Xshare} with an AOT cache.
	 */
	private static final List<String> NOT_FOR_TRAINING = List.of("-XX:MaxMetaspaceSize=", "-Xshare:");

	private final Path repoRoot;

	private final Function<FleetService, List<String>> javaOpts;

	private final String javaCommand;

	AotCaches(Path repoRoot, String javaCommand, Function<FleetService, List<String>> javaOpts) {
		this.repoRoot = repoRoot;
		this.javaCommand = javaCommand;
		this.javaOpts = javaOpts;
	}

	private Path dir(FleetService service) {
		return this.repoRoot.resolve(service.serviceName()).resolve("target").resolve("aot");
	}

	private Path jar(FleetService service) {
		return this.repoRoot.resolve(service.jar());
	}

	private Path extractedJar(FleetService service) {
		return dir(service).resolve("app").resolve(service.serviceName() + ".jar");
	}

	private Path cache(FleetService service) {
		return dir(service).resolve(service.serviceName() + ".aot");
	}

	private Path stampFile(FleetService service) {
		return dir(service).resolve("stamp");
	}

	/** The jar's size and time, and the JVM options: a cache made from anything else is stale. */
	private String stamp(FleetService service) throws IOException {
		Path jar = jar(service);
		return "%d %d %s%n".formatted(Files.size(jar), Files.getLastModifiedTime(jar).toMillis(),
				String.join(" ", this.javaOpts.apply(service)));
	}

	boolean fresh(FleetService service) {
		try {
			return Files.isRegularFile(cache(service)) && Files.isRegularFile(extractedJar(service))
					&& Files.readString(stampFile(service), StandardCharsets.UTF_8).equals(stamp(service));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * @param service a service
	 * @return what follows the JVM options on its command line: the cache and the extracted jar when
	 * the cache is fresh, else its jar
	 */
	List<String> launchArguments(FleetService service, AotMode mode) {
		if (mode != AotMode.OFF && fresh(service)) {
			return List.of("-XX:AOTCache=" + cache(service), "-jar", extractedJar(service).toString());
		}
		return List.of("-jar", jar(service).toString());
	}

	/**
	 * Makes the cache of one service: extracts its jar and runs it once to train. Blocks; the
	 * training process is destroyed when the calling thread is interrupted.
	 * @param service the service
	 * @param env the service's environment, as for a normal start
	 * @param logFile where the training run writes its output
	 * @return true if the cache was made
	 */
	boolean train(FleetService service, Map<String, String> env, Path logFile) throws InterruptedException {
		Path dir = dir(service);
		Path partial = dir.resolve(service.serviceName() + ".aot.partial");
		Process process = null;
		try {
			String stamp = stamp(service);
			deleteTree(dir);
			Files.createDirectories(dir);
			if (run(List.of(this.javaCommand, "-Djarmode=tools", "-jar", jar(service).toString(), "extract",
					"--destination", dir.resolve("app").toString()), Map.of(), logFile) != 0) {
				log.warn("AOT cache of {}: extracting {} failed, see {}", service.serviceName(), service.jar(), logFile);
				return false;
			}
			List<String> command = new ArrayList<>();
			niceCommand().ifPresent(nice -> command.addAll(List.of(nice, "-n", "10")));
			command.add(this.javaCommand);
			this.javaOpts.apply(service)
				.stream()
				.filter(option -> NOT_FOR_TRAINING.stream().noneMatch(option::startsWith))
				.forEach(command::add);
			command.addAll(List.of("-XX:AOTCacheOutput=" + partial, "-Dspring.context.exit=onRefresh",
					"-Dserver.port=0", "-Deureka.client.register-with-eureka=false",
					"-Dspring.kafka.listener.auto-startup=false", "-jar", extractedJar(service).toString()));
			Map<String, String> trainingEnv = new java.util.LinkedHashMap<>(env);
			trainingEnv.put("SERVER_PORT", "0");
			long started = System.nanoTime();
			ProcessBuilder builder = builder(command, trainingEnv, logFile);
			process = builder.start();
			if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				log.warn("AOT cache of {}: the training run took over {} s and was stopped, see {}",
						service.serviceName(), TRAINING_TIMEOUT.toSeconds(), logFile);
				return false;
			}
			if (process.exitValue() != 0 || !Files.isRegularFile(partial)) {
				log.warn("AOT cache of {}: the training run failed (exit {}), see {}", service.serviceName(),
						process.exitValue(), logFile);
				return false;
			}
			Files.move(partial, cache(service), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(stampFile(service), stamp, StandardCharsets.UTF_8);
			log.info("AOT cache of {} ready in {} s: its next start is faster", service.serviceName(),
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
			return true;
		}
		catch (IOException ex) {
			log.warn("AOT cache of {} not made: {}", service.serviceName(), ex.toString());
			return false;
		}
		finally {
			if (process != null && process.isAlive()) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
			}
		}
	}

	private static int run(List<String> command, Map<String, String> env, Path logFile)
			throws IOException, InterruptedException {
		Process process = builder(command, env, logFile).start();
		try {
			return process.waitFor(2, TimeUnit.MINUTES) ? process.exitValue() : -1;
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static ProcessBuilder builder(List<String> command, Map<String, String> env, Path logFile)
			throws IOException {
		Files.createDirectories(logFile.getParent());
		Files.writeString(logFile, "==== " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().putAll(env);
		return builder;
	}

	private static Optional<String> niceCommand() {
		return Stream.of("/usr/bin/nice", "/bin/nice").filter(path -> Files.isExecutable(Path.of(path))).findFirst();
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
