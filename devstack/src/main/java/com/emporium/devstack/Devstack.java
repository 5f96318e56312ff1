package com.emporium.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.emporium.devstack.fleet.Fleet;
import com.emporium.devstack.fleet.FleetException;
import com.emporium.devstack.fleet.FleetOptions;
import com.emporium.devstack.fleet.FleetService;
import com.emporium.devstack.fleet.FleetTable;
import com.emporium.devstack.fleet.HealthProbe;
import com.emporium.devstack.fleet.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Entry point of the fleet launcher behind {@code ./emporium}: {@code start} (default, foreground
 * until Ctrl-C or {@code stop}), {@code stop}, {@code status}, {@code help}. The repository root is
 * the system property {@code emporium.root} (set by {@code ./emporium}), else {@code EMPORIUM_ROOT},
 * else the working directory.
 */
public final class Devstack {

	private static final String USAGE = """
			Usage: ./emporium [start|stop|status|build|help]
			  start   start PostgreSQL, Kafka, MongoDB and every service; Ctrl-C stops everything (default)
			  stop    stop a fleet started by ./emporium start in another terminal
			  status  show each service's URL, health, Swagger UI and log file
			  build   build the jars that are missing or older than their sources
			  help    show this
			Data and logs live in var/ (EMPORIUM_VAR_DIR); ports and variables: docs/devstack.md.""";

	private final Path root;

	private final Map<String, String> env;

	private final Logger log;

	private Devstack(Path root, Map<String, String> env) {
		this.root = root;
		this.env = env;
		this.log = LoggerFactory.getLogger(Devstack.class);
	}

	public static void main(String[] args) {
		Map<String, String> env = System.getenv();
		Path root = Path.of(Optional.ofNullable(System.getProperty("emporium.root"))
			.or(() -> Optional.ofNullable(env.get("EMPORIUM_ROOT")))
			.orElse("."))
			.toAbsolutePath()
			.normalize();
		String command = (args.length > 0) ? args[0] : "start";
		// Before the first logger exists: logback reads these while initialising.
		String varDir = env.getOrDefault("EMPORIUM_VAR_DIR", "");
		Path var = varDir.isBlank() ? root.resolve("var") : root.resolve(varDir);
		System.setProperty("emporium.logDir", var.resolve("logs").toString());
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "emporium-devstack-logback.xml");
		}
		int exit = switch (command) {
			case "start" -> new Devstack(root, env).start();
			case "stop" -> new Devstack(root, env).stop();
			case "status" -> new Devstack(root, env).status();
			case "help", "-h", "--help" -> {
				System.out.println(USAGE);
				yield 0;
			}
			case "build" -> {
				System.err.println("emporium: build is done by the ./emporium script (it runs Maven): run ./emporium build.");
				yield 2;
			}
			default -> {
				System.err.println("emporium: unknown command '%s': use start, stop, status, build or help.".formatted(command));
				yield 2;
			}
		};
		System.exit(exit);
	}

	private int start() {
		FleetOptions options;
		try {
			options = FleetOptions.fromEnvironment(this.root, this.env);
		}
		catch (IllegalArgumentException ex) {
			return fail(ex.getMessage());
		}
		Path pidFile = options.varDir().resolve("emporium.pid");
		Optional<Long> running = runningLauncher(pidFile);
		if (running.isPresent()) {
			return fail("Emporium is already running (pid %d): see ./emporium status, or stop it with ./emporium stop."
				.formatted(running.get()));
		}
		long pid = ProcessHandle.current().pid();
		try {
			Files.createDirectories(options.varDir());
			Files.writeString(pidFile, pid + "\n");
		}
		catch (IOException ex) {
			return fail("Cannot write %s (%s): check that the directory is writable.".formatted(pidFile, ex.getMessage()));
		}
		Fleet fleet = Fleet.create(options);
		CountDownLatch stopped = new CountDownLatch(1);
		AtomicBoolean stopping = new AtomicBoolean();
		// SIGINT/SIGTERM/SIGHUP are handled here instead of by JVM shutdown hooks: hooks run
		// concurrently (zonky registers one that stops PostgreSQL at once), while the fleet must stop
		// services first, then Kafka, MongoDB and PostgreSQL. The JVM exits only after that.
		Runnable stop = () -> {
			if (!stopping.compareAndSet(false, true)) {
				return;
			}
			try {
				fleet.close();
			}
			finally {
				deletePidFile(pidFile, pid);
				stopped.countDown();
			}
		};
		for (String signal : List.of("INT", "TERM", "HUP")) {
			try {
				Signal.handle(new Signal(signal), received -> {
					if (stopping.get()) {
						System.out.println("Still stopping, please wait...");
						return;
					}
					Thread.ofPlatform().name("emporium-stop").start(() -> {
						stop.run();
						System.exit(0);
					});
				});
			}
			catch (IllegalArgumentException ex) {
				// Not available on this platform: the shutdown hook below still stops the fleet.
			}
		}
		// Anything else that ends the JVM (System.exit elsewhere, an error) still stops the fleet.
		Runtime.getRuntime().addShutdownHook(new Thread(stop, "emporium-shutdown"));
		this.log.info("Starting Emporium from {} (data and logs in {})", this.root, display(options.varDir()));
		try {
			fleet.startAll();
		}
		catch (FleetException ex) {
			if (stopping.get()) {
				awaitQuietly(stopped);
				return 0;
			}
			this.log.debug("Start failed", ex);
			return fail(ex.getMessage());
		}
		System.out.println();
		System.out.print(FleetTable.render(fleet.table()));
		System.out.println();
		System.out.printf("Emporium is up in %.1f s (infrastructure %.1f s). Gateway: %s. Stop with Ctrl-C or ./emporium stop.%n",
				Duration.between(fleet.startedAt(), fleet.readyAt()).toMillis() / 1000.0,
				Duration.between(fleet.startedAt(), fleet.infrastructureReadyAt()).toMillis() / 1000.0,
				fleet.gatewayUrl());
		watch(fleet);
		return 0;
	}

	/** Reports services that die while the fleet runs; the shutdown hook ends this JVM. */
	private void watch(Fleet fleet) {
		Set<String> reported = new HashSet<>();
		while (true) {
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			for (ServiceInfo service : fleet.services()) {
				if (!service.running() && reported.add(service.name())) {
					this.log.warn("{} has exited: see {}", service.name(), display(service.logFile()));
				}
				else if (service.running()) {
					reported.remove(service.name());
				}
			}
		}
	}

	private int stop() {
		Path pidFile = varDir().resolve("emporium.pid");
		Optional<Long> running = runningLauncher(pidFile);
		if (running.isEmpty()) {
			System.out.println("Emporium is not running.");
			return 0;
		}
		ProcessHandle launcher = ProcessHandle.of(running.get()).orElseThrow();
		System.out.printf("Stopping Emporium (pid %d)...%n", launcher.pid());
		launcher.destroy();
		try {
			launcher.onExit().get(120, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			return fail("Emporium (pid %d) did not stop within 120 s: see var/logs/devstack.log, or kill -9 %d."
				.formatted(launcher.pid(), launcher.pid()));
		}
		System.out.println("Emporium stopped.");
		return 0;
	}

	private int status() {
		FleetOptions options;
		try {
			options = FleetOptions.fromEnvironment(this.root, this.env);
		}
		catch (IllegalArgumentException ex) {
			return fail(ex.getMessage());
		}
		Optional<Long> running = runningLauncher(options.varDir().resolve("emporium.pid"));
		List<FleetTable.Row> rows = new ArrayList<>();
		boolean allUp = true;
		for (FleetService service : FleetService.values()) {
			String url = "http://localhost:" + options.port(service.serviceName());
			String health = HealthProbe.status(url);
			allUp &= health.equals("UP");
			rows.add(new FleetTable.Row(service.serviceName(), url, health,
					service.swaggerUi() ? url + "/swagger-ui.html" : "-",
					display(options.varDir().resolve("logs").resolve(service.serviceName() + ".log"))));
		}
		rows.addAll(Fleet.infrastructureRows(options));
		System.out.println(running.map("Emporium launcher: running (pid %d)"::formatted)
			.orElse("Emporium launcher: not running (start it with ./emporium start)"));
		System.out.print(FleetTable.render(rows));
		return allUp ? 0 : 1;
	}

	private Path varDir() {
		String varDir = this.env.getOrDefault("EMPORIUM_VAR_DIR", "");
		return varDir.isBlank() ? this.root.resolve("var") : this.root.resolve(varDir);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Optional<Long> runningLauncher(Path pidFile) {
		try {
			if (!Files.isRegularFile(pidFile)) {
				return Optional.empty();
			}
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(true))
				.map(ProcessHandle::pid);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static void deletePidFile(Path pidFile, long pid) {
		try {
			if (Files.isRegularFile(pidFile) && Files.readString(pidFile).trim().equals(String.valueOf(pid))) {
				Files.delete(pidFile);
			}
		}
		catch (IOException ex) {
			// Harmless: the next start sees that the pid is not running.
		}
	}

	private String display(Path path) {
		return path.startsWith(this.root) ? this.root.relativize(path).toString() : path.toString();
	}

	private int fail(String message) {
		System.err.println("emporium: " + message);
		return 1;
	}

}
