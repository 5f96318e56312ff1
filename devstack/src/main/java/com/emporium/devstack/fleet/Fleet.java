package com.emporium.devstack.fleet;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.emporium.devstack.infra.EmbeddedKafka;
import com.emporium.devstack.infra.EmbeddedMongo;
import com.emporium.devstack.infra.MailCatcher;
import com.emporium.devstack.infra.EmbeddedPostgres;
import com.emporium.devstack.infra.InfrastructureException;
import com.emporium.devstack.infra.PortInUseException;
import com.emporium.devstack.infra.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Emporium fleet: the embedded infrastructure (unless external) and each service as its
 * own JVM ({@code java <opts> -jar <module>/target/<module>.jar}, working directory = repository
 * root, output in {@code <var>/logs/<service>.log}).
 *
 * <pre>{@code
 * try (Fleet fleet = Fleet.start(FleetOptions.builder(repoRoot).varDir(tempDir).freePorts(true).build())) {
 *     RestClient.create(fleet.gatewayUrl()).get().uri("/api/v1/products").retrieve()...;
 *     fleet.stop("payment-service");   // a fault
 *     fleet.start("payment-service");  // back, waits until healthy
 * }
 * }</pre>
 *
 * Start order: discovery and config-server in parallel (neither needs the other to start), then,
 * once config-server answers, the five business services and the gateway in parallel (they only
 * need their configuration at start; Eureka registrations are picked up within seconds); each
 * stage waits for {@code /actuator/health} to be {@code UP}. {@link #close()} stops in reverse order (SIGTERM, then SIGKILL after
 * {@link FleetOptions#stopTimeout()}), then Kafka, MongoDB, the mail catcher and PostgreSQL. Thread-safe; {@code close()}
 * may be called from a shutdown hook while {@link #startAll()} runs.
 */
public final class Fleet implements AutoCloseable {

	/** The MongoDB database of recommendation-service. */
	public static final String MONGO_DATABASE = "recommendations";

	private static final String PROFILES_VARIABLE = "SPRING_PROFILES_ACTIVE";

	private static final Logger log = LoggerFactory.getLogger(Fleet.class);

	/** Stack traces of failures: the launcher writes them to devstack.log only, the console gets one line. */
	private static final Logger trace = LoggerFactory.getLogger("com.emporium.devstack.trace");

	private static final Optional<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid")
		.stream()
		.filter(path -> Files.isExecutable(Path.of(path)))
		.findFirst();

	private final FleetOptions options;

	private final Path logDir;

	private final Path pidsFile;

	private final Map<FleetService, ServiceProcess> processes = new EnumMap<>(FleetService.class);

	private final Object lock = new Object();

	private int postgresPort;

	private int kafkaPort;

	private int kafkaControllerPort;

	private int mongoPort;

	private int mailSmtpPort;

	private int mailWebPort;

	private EmbeddedPostgres postgres;

	private EmbeddedKafka kafka;

	private EmbeddedMongo mongo;

	private MailCatcher mailCatcher;

	private Map<String, String> commonEnv = Map.of();

	private volatile boolean started;

	private boolean pidsWritten;

	private volatile boolean closed;

	private Thread shutdownHook;

	private Instant startedAt;

	private Instant infrastructureReadyAt;

	private Instant readyAt;

	private final AotCaches aotCaches;

	private Thread aotTrainer;

	private Fleet(FleetOptions options) {
		this.options = options;
		this.aotCaches = new AotCaches(options.repoRoot(), options.javaCommand(), options::javaOpts);
		this.logDir = options.varDir().resolve("logs");
		this.pidsFile = options.varDir().resolve("run").resolve("fleet.pids");
	}

	/**
	 * Starts a fleet and waits until every service is healthy.
	 * @param options what to start and where
	 * @return the running fleet, to be closed
	 * @throws FleetException with a one-line message when anything fails; nothing is left running
	 */
	public static Fleet start(FleetOptions options) {
		Fleet fleet = create(options);
		fleet.startAll();
		return fleet;
	}

	/**
	 * A fleet that is not started yet, for callers that must be able to {@link #close()} it from
	 * another thread (a shutdown hook) while {@link #startAll()} runs.
	 * @param options what to start and where
	 * @return the fleet
	 */
	public static Fleet create(FleetOptions options) {
		return new Fleet(options);
	}

	/**
	 * Starts the infrastructure and the services and waits until every service is healthy.
	 * @throws FleetException with a one-line message when anything fails; nothing is left running
	 * @throws IllegalStateException if called twice
	 */
	public void startAll() {
		synchronized (this.lock) {
			if (this.started) {
				throw new IllegalStateException("Fleet already started");
			}
			this.started = true;
			checkNotClosed();
		}
		this.startedAt = Instant.now();
		// A safety net for callers that never close the fleet (a test JVM that dies): service JVMs and
		// the PostgreSQL process would outlive this one otherwise.
		this.shutdownHook = new Thread(this::close, "fleet-close");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		try {
			checkJars();
			checkNoOtherFleet();
			resolvePorts();
			Files.createDirectories(this.logDir);
			startInfrastructure();
			this.infrastructureReadyAt = Instant.now();
			this.commonEnv = commonEnvironment();
			for (int stage = 0; stage <= 3; stage++) {
				List<ServiceProcess> stageProcesses = new ArrayList<>();
				for (FleetService service : FleetService.ofStage(stage)) {
					if (this.options.services().contains(service)) {
						stageProcesses.add(launch(service, true));
					}
				}
				awaitHealthy(stageProcesses);
			}
			this.readyAt = Instant.now();
			log.info("Fleet ready in {} s ({} services)", seconds(Duration.between(this.startedAt, this.readyAt)),
					this.processes.size());
			if (this.options.aot() == AotMode.TRAIN) {
				trainAotCachesInBackground();
			}
		}
		catch (FleetException ex) {
			trace.debug("Fleet start failed", ex);
			close();
			throw ex;
		}
		catch (InfrastructureException ex) {
			trace.debug("Fleet start failed", ex);
			close();
			throw new FleetException(ex.getMessage(), ex);
		}
		catch (IOException | RuntimeException ex) {
			trace.debug("Fleet start failed", ex);
			close();
			throw new FleetException("The fleet failed to start (%s): see %s.".formatted(ex,
					display(this.logDir.resolve("devstack.log"))), ex);
		}
	}

	private void checkJars() {
		List<String> missing = this.options.services()
			.stream()
			.sorted()
			.map(FleetService::jar)
			.filter(jar -> !Files.isRegularFile(this.options.repoRoot().resolve(jar)))
			.toList();
		if (!missing.isEmpty()) {
			throw new FleetException("%s %s missing: run ./emporium build first."
				.formatted(String.join(", ", missing), (missing.size() == 1) ? "is" : "are"));
		}
	}

	/**
	 * Refuses a second fleet on the same var directory, and stops services that a launcher killed
	 * with SIGKILL left behind (they would hold the ports and the data).
	 */
	private void checkNoOtherFleet() throws IOException {
		if (!Files.isRegularFile(this.pidsFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(this.pidsFile);
		for (String line : lines) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length == 2 && parts[0].equals("launcher")) {
				long launcher = Long.parseLong(parts[1]);
				if (launcher != ProcessHandle.current().pid()
						&& ProcessHandle.of(launcher).map(ProcessHandle::isAlive).orElse(false)) {
					throw new FleetException(("Another fleet (pid %d) is running on %s: stop it first "
							+ "(./emporium stop) or use another EMPORIUM_VAR_DIR.").formatted(launcher, display(this.options.varDir())));
				}
			}
		}
		for (String line : lines) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length != 2 || parts[0].equals("launcher")) {
				continue;
			}
			String jar = FleetService.named(parts[0]).jar();
			Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(parts[1]))
				.filter(ProcessHandle::isAlive)
				.filter(handle -> handle.info().arguments().map(args -> String.join(" ", args).contains(jar)).orElse(false));
			if (leftover.isPresent()) {
				log.warn("Stopping {} left running by an earlier launcher pid={}", parts[0], leftover.get().pid());
				terminate(leftover.get(), Duration.ofSeconds(10));
			}
		}
		Files.deleteIfExists(this.pidsFile);
	}

	private void resolvePorts() {
		Set<Integer> taken = new HashSet<>();
		for (FleetService service : this.options.services()) {
			int port = pickPort(this.options.port(service.serviceName()), service.serviceName(),
					service.portVariable(), taken);
			this.processes.put(service, new ServiceProcess(service, port, this.logDir.resolve(service.serviceName() + ".log")));
		}
		if (this.options.externalInfrastructure()) {
			return;
		}
		this.kafkaPort = pickPort(this.options.port(FleetOptions.KAFKA), "Kafka", EmbeddedKafka.PORT_ENV, taken);
		this.kafkaControllerPort = pickPort(this.options.port(FleetOptions.KAFKA_CONTROLLER), "Kafka controller",
				EmbeddedKafka.CONTROLLER_PORT_ENV, taken);
		this.mongoPort = pickPort(this.options.port(FleetOptions.MONGO), "MongoDB", EmbeddedMongo.PORT_ENV, taken);
		this.mailSmtpPort = pickPort(this.options.port(FleetOptions.MAIL_SMTP), "SMTP mail catcher",
				MailCatcher.SMTP_PORT_ENV, taken);
		this.mailWebPort = pickPort(this.options.port(FleetOptions.MAIL_WEB), "mail catcher web page",
				MailCatcher.WEB_PORT_ENV, taken);
		// PostgreSQL checks its own port, after stopping a postmaster an earlier run may have left behind.
		this.postgresPort = this.options.freePorts() ? pickPort(0, "PostgreSQL", null, taken)
				: this.options.port(FleetOptions.POSTGRES);
	}

	private int pickPort(int configured, String what, String variable, Set<Integer> taken) {
		if (this.options.freePorts() || configured == 0) {
			int port;
			do {
				port = Ports.freePort();
			}
			while (!taken.add(port));
			return port;
		}
		if (!taken.add(configured)) {
			throw new FleetException("Port %d is configured twice (%s is one): give each service and server its own port."
				.formatted(configured, variable));
		}
		if (!Ports.isFree(configured)) {
			throw new FleetException(new PortInUseException(configured, what, variable).getMessage());
		}
		return configured;
	}

	private void startInfrastructure() {
		if (this.options.externalInfrastructure()) {
			log.info("EMPORIUM_INFRA=external: no embedded PostgreSQL, Kafka or MongoDB; services use the environment");
			return;
		}
		synchronized (this.lock) {
			checkNotClosed();
			Path var = this.options.varDir();
			// PostgreSQL (a child process) and Kafka (threads here) start in parallel: each takes seconds.
			CompletableFuture<EmbeddedPostgres> pg = async("postgres", () -> {
				EmbeddedPostgres server = EmbeddedPostgres.start(var.resolve("postgres"), this.postgresPort,
						this.logDir.resolve("postgres.log"));
				try {
					for (FleetService service : this.options.services()) {
						if (service.database() != null) {
							server.createDatabase(service.database(), service.database(), service.demoPassword());
						}
					}
				}
				catch (RuntimeException ex) {
					server.close();
					throw ex;
				}
				return server;
			});
			CompletableFuture<EmbeddedKafka> broker = async("kafka",
					() -> EmbeddedKafka.start(var.resolve("kafka"), this.kafkaPort, this.kafkaControllerPort));
			RuntimeException failure = null;
			try {
				this.mongo = EmbeddedMongo.start(var.resolve("mongo").resolve("emporium.mv"), this.mongoPort);
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			try {
				this.mailCatcher = MailCatcher.start(this.mailSmtpPort, this.mailWebPort);
			}
			catch (RuntimeException ex) {
				failure = (failure != null) ? failure : ex;
			}
			try {
				this.postgres = pg.join();
			}
			catch (RuntimeException ex) {
				failure = (failure != null) ? failure : unwrap(ex);
			}
			try {
				this.kafka = broker.join();
			}
			catch (RuntimeException ex) {
				failure = (failure != null) ? failure : unwrap(ex);
			}
			if (failure != null) {
				throw failure;
			}
		}
	}

	/**
	 * Runs on a new thread with this class's context class loader: the common fork-join pool has the
	 * system class loader, which cannot see the classes nested in the launcher's jar (Kafka and Scala
	 * load classes through the context class loader).
	 */
	private static <T> CompletableFuture<T> async(String name, java.util.function.Supplier<T> task) {
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(task.get());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, "fleet-start-" + name);
		thread.setContextClassLoader(Fleet.class.getClassLoader());
		thread.setDaemon(true);
		thread.start();
		return result;
	}

	private static RuntimeException unwrap(RuntimeException ex) {
		Throwable cause = (ex instanceof java.util.concurrent.CompletionException) ? ex.getCause() : ex;
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		return new InfrastructureException("The infrastructure failed to start (%s).".formatted(cause), cause);
	}

	private Map<String, String> commonEnvironment() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put(PROFILES_VARIABLE, "local");
		// glibc keeps up to 8 malloc arenas per core; the JVM's own allocations need far fewer, and each
		// costs resident memory.
		env.put("MALLOC_ARENA_MAX", "2");
		env.put("CONFIG_SERVER_URL", "http://localhost:" + port(FleetService.CONFIG_SERVER));
		env.put("EUREKA_URL", "http://localhost:%d/eureka/".formatted(port(FleetService.DISCOVERY)));
		env.put("EMPORIUM_JWKS_URI",
				"http://localhost:%d/.well-known/jwks.json".formatted(port(FleetService.USER_SERVICE)));
		for (FleetService service : FleetService.values()) {
			env.put(service.portVariable(), String.valueOf(port(service)));
		}
		if (!this.options.externalInfrastructure()) {
			env.put("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
			env.put("MONGODB_URI", this.mongo.connectionString(MONGO_DATABASE));
			// order-service's emails go to the mail catcher (config-repo/order-service.yml reads these).
			env.put("SMTP_HOST", "localhost");
			env.put("SMTP_PORT", String.valueOf(this.mailCatcher.smtpPort()));
		}
		return env;
	}

	/** A service's port, also for services not started (their variables are still passed on). */
	private int port(FleetService service) {
		ServiceProcess process = this.processes.get(service);
		return (process != null) ? process.port : this.options.port(service.serviceName());
	}

	private Map<String, String> serviceEnvironment(FleetService service) {
		Map<String, String> env = new LinkedHashMap<>(this.commonEnv);
		env.put("SERVER_PORT", String.valueOf(port(service)));
		if (!this.options.externalInfrastructure() && service.database() != null) {
			String prefix = service.databaseVariablePrefix();
			env.put(prefix + "_URL", this.postgres.jdbcUrl(service.database()));
			env.put(prefix + "_USER", service.database());
			env.put(prefix + "_PASSWORD", service.demoPassword());
		}
		env.putAll(this.options.extraEnv());
		if (!service.fetchesConfiguration()) {
			// Discovery and config-server choose their own profiles (config-server's "native" backend is
			// a profile): "local" would replace them. Clients get their local config through their own profile.
			env.remove(PROFILES_VARIABLE);
		}
		return env;
	}

	private ServiceProcess launch(FleetService service, boolean freshLog) throws IOException {
		synchronized (this.lock) {
			checkNotClosed();
			ServiceProcess sp = this.processes.get(service);
			List<String> command = new ArrayList<>();
			// Its own session: Ctrl-C in a terminal reaches only the launcher, which then stops services
			// in order instead of all of them at once.
			SETSID.ifPresent(command::add);
			command.add(this.options.javaCommand());
			command.addAll(this.options.javaOpts(service));
			List<String> launch = this.aotCaches.launchArguments(service, this.options.aot());
			sp.aotCache = launch.size() > 2;
			command.addAll(launch);
			String header = "==== %s starting %s: %s%n".formatted(Instant.now(), service.serviceName(),
					String.join(" ", command));
			Files.writeString(sp.logFile, header, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					freshLog ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND, StandardOpenOption.WRITE);
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.options.repoRoot().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(sp.logFile.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			if (!service.fetchesConfiguration()) {
				builder.environment().remove(PROFILES_VARIABLE);
			}
			builder.environment().putAll(serviceEnvironment(service));
			sp.startedAt = Instant.now();
			sp.healthyAt = null;
			sp.lastStatus = "starting";
			sp.process = builder.start();
			log.info("Starting {} on port {} (pid {})", service.serviceName(), sp.port, sp.process.pid());
			writePids();
			return sp;
		}
	}

	/**
	 * Makes the missing or stale AOT caches of the running services, one at a time on a daemon thread
	 * (each training run starts the service once more, see {@link AotCaches}); {@link #close()} stops it.
	 */
	private void trainAotCachesInBackground() {
		List<FleetService> stale = this.processes.keySet().stream().filter(service -> !this.aotCaches.fresh(service)).toList();
		if (stale.isEmpty()) {
			return;
		}
		log.info("Making AOT caches for {} in the background: later starts will be faster",
				stale.stream().map(FleetService::serviceName).toList());
		Thread trainer = new Thread(() -> {
			for (FleetService service : stale) {
				try {
					this.aotCaches.train(service, serviceEnvironment(service),
							this.logDir.resolve(service.serviceName() + "-aot.log"));
				}
				catch (InterruptedException ex) {
					return;
				}
				if (this.closed) {
					return;
				}
			}
		}, "fleet-aot-training");
		trainer.setDaemon(true);
		synchronized (this.lock) {
			checkNotClosed();
			this.aotTrainer = trainer;
			trainer.start();
		}
	}

	/**
	 * Waits until the background AOT training (mode {@link AotMode#TRAIN}) is over.
	 * @param timeout how long to wait at most
	 * @return true if no training runs any longer
	 */
	public boolean awaitAotTraining(Duration timeout) throws InterruptedException {
		Thread trainer;
		synchronized (this.lock) {
			trainer = this.aotTrainer;
		}
		if (trainer == null) {
			return true;
		}
		trainer.join(timeout);
		return !trainer.isAlive();
	}

	private void awaitHealthy(List<ServiceProcess> starting) {
		List<ServiceProcess> pending = new ArrayList<>(starting);
		while (!pending.isEmpty()) {
			checkNotClosed();
			for (var iterator = pending.iterator(); iterator.hasNext();) {
				ServiceProcess sp = iterator.next();
				Process process = sp.process;
				if (process == null || !process.isAlive()) {
					throw new FleetException("%s exited with code %s while starting: see %s.".formatted(
							sp.service.serviceName(), (process != null) ? process.exitValue() : "?", display(sp.logFile)));
				}
				String status = HealthProbe.status(sp.url());
				sp.lastStatus = status;
				if (status.equals("UP")) {
					sp.healthyAt = Instant.now();
					iterator.remove();
					log.info("{} is healthy after {} s{}: {}", sp.service.serviceName(),
							seconds(Duration.between(sp.startedAt, sp.healthyAt)), sp.aotCache ? " (AOT cache)" : "",
							sp.url());
				}
				else if (Instant.now().isAfter(sp.startedAt.plus(this.options.startTimeout()))) {
					throw new FleetException("%s did not become healthy within %d s (health: %s): see %s.".formatted(
							sp.service.serviceName(), this.options.startTimeout().toSeconds(), status,
							display(sp.logFile)));
				}
			}
			if (!pending.isEmpty()) {
				sleep(Duration.ofMillis(500));
			}
		}
	}

	/**
	 * Stops one service (SIGTERM, then SIGKILL after the stop timeout), e.g. to test how the others
	 * cope. Does nothing if it is not running.
	 * @param service the service name, e.g. {@code payment-service}
	 */
	public void stop(String service) {
		synchronized (this.lock) {
			ServiceProcess sp = process(service);
			stopProcesses(List.of(sp));
			writePids();
		}
	}

	/**
	 * Stops the embedded Kafka broker (a controlled shutdown: its log stays under {@code var/}), e.g.
	 * to test that a broker outage loses nothing; {@link #startKafka()} brings it back on the same
	 * port with the same data. The services keep running and retry on their own.
	 * @throws IllegalStateException with external infrastructure, or if it is stopped already
	 */
	public void stopKafka() {
		synchronized (this.lock) {
			checkNotClosed();
			if (this.kafka == null) {
				throw new IllegalStateException("No embedded Kafka broker is running");
			}
			this.kafka.close();
			this.kafka = null;
			log.info("Kafka stopped port={}", this.kafkaPort);
		}
	}

	/**
	 * Starts the embedded Kafka broker again after {@link #stopKafka()}, on the same ports and log.
	 * @throws IllegalStateException with external infrastructure, or if it is running
	 */
	public void startKafka() {
		synchronized (this.lock) {
			checkNotClosed();
			if (this.options.externalInfrastructure() || this.kafka != null) {
				throw new IllegalStateException("The embedded Kafka broker is running, or there is none");
			}
			this.kafka = EmbeddedKafka.start(this.options.varDir().resolve("kafka"), this.kafkaPort,
					this.kafkaControllerPort);
		}
	}

	/**
	 * Starts one service again (its log is appended to) and waits until it is healthy.
	 * @param service the service name, e.g. {@code payment-service}
	 * @throws FleetException if it does not become healthy (it is then stopped again)
	 * @throws IllegalStateException if it is running or the fleet is closed
	 */
	public void start(String service) {
		ServiceProcess sp = process(service);
		synchronized (this.lock) {
			if (sp.alive()) {
				throw new IllegalStateException(service + " is already running");
			}
		}
		try {
			launch(sp.service, false);
			awaitHealthy(List.of(sp));
		}
		catch (IOException ex) {
			throw new FleetException("%s could not be started (%s).".formatted(service, ex.getMessage()), ex);
		}
		catch (FleetException ex) {
			synchronized (this.lock) {
				stopProcesses(List.of(sp));
			}
			throw ex;
		}
	}

	/**
	 * Stops every service in reverse start order, then Kafka, MongoDB, the mail catcher and PostgreSQL. Idempotent.
	 */
	@Override
	public void close() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			Instant stopping = Instant.now();
			stopAotTraining();
			boolean anything = this.processes.values().stream().anyMatch(ServiceProcess::alive)
					|| this.postgres != null || this.kafka != null || this.mongo != null || this.mailCatcher != null;
			if (anything) {
				log.info("Stopping the fleet");
			}
			for (int stage = 3; stage >= 0; stage--) {
				List<ServiceProcess> stageProcesses = new ArrayList<>();
				for (FleetService service : FleetService.ofStage(stage)) {
					ServiceProcess sp = this.processes.get(service);
					if (sp != null && sp.alive()) {
						stageProcesses.add(sp);
					}
				}
				stopProcesses(stageProcesses);
			}
			closeQuietly("Kafka", this.kafka);
			closeQuietly("MongoDB", this.mongo);
			closeQuietly("mail catcher", this.mailCatcher);
			closeQuietly("PostgreSQL", this.postgres);
			try {
				if (this.pidsWritten) {
					Files.deleteIfExists(this.pidsFile);
				}
			}
			catch (IOException ex) {
				log.debug("Could not delete {}", this.pidsFile, ex);
			}
			if (anything) {
				log.info("Fleet stopped in {} s", seconds(Duration.between(stopping, Instant.now())));
			}
			removeShutdownHook();
		}
	}

	/** Stops a training run in progress: its partial cache is thrown away, the next start trains again. */
	private void stopAotTraining() {
		Thread trainer = this.aotTrainer;
		if (trainer == null || !trainer.isAlive()) {
			return;
		}
		trainer.interrupt();
		try {
			trainer.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void removeShutdownHook() {
		if (this.shutdownHook != null && Thread.currentThread() != this.shutdownHook) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// The JVM is shutting down: the hook may run, and finds the fleet closed.
			}
		}
	}

	private void stopProcesses(List<ServiceProcess> stopping) {
		Map<ServiceProcess, List<ProcessHandle>> descendants = new LinkedHashMap<>();
		for (ServiceProcess sp : stopping) {
			if (sp.alive()) {
				descendants.put(sp, sp.process.toHandle().descendants().toList());
				log.info("Stopping {} (pid {})", sp.service.serviceName(), sp.process.pid());
				sp.process.destroy();
			}
		}
		long deadline = System.nanoTime() + this.options.stopTimeout().toNanos();
		descendants.forEach((sp, children) -> {
			try {
				long left = Math.max(0, deadline - System.nanoTime());
				if (!sp.process.waitFor(left, TimeUnit.NANOSECONDS)) {
					log.warn("{} did not stop within {} s: killing it", sp.service.serviceName(),
							this.options.stopTimeout().toSeconds());
					sp.process.destroyForcibly();
					sp.process.waitFor(5, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				sp.process.destroyForcibly();
			}
			children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
			sp.lastStatus = "stopped";
		});
	}

	private static void terminate(ProcessHandle handle, Duration timeout) {
		List<ProcessHandle> children = handle.descendants().toList();
		handle.destroy();
		try {
			handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			handle.destroyForcibly();
		}
		children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	private static void closeQuietly(String what, AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			log.warn("{} did not stop cleanly: {}", what, ex.toString());
		}
	}

	private void writePids() {
		StringBuilder text = new StringBuilder("launcher " + ProcessHandle.current().pid() + "\n");
		this.processes.values()
			.stream()
			.filter(ServiceProcess::alive)
			.forEach(sp -> text.append(sp.service.serviceName()).append(' ').append(sp.process.pid()).append('\n'));
		try {
			Files.createDirectories(this.pidsFile.getParent());
			Files.writeString(this.pidsFile, text);
			this.pidsWritten = true;
		}
		catch (IOException ex) {
			log.debug("Could not write {}", this.pidsFile, ex);
		}
	}

	private void checkNotClosed() {
		if (this.closed) {
			throw new FleetException("The fleet was stopped while starting.");
		}
	}

	private ServiceProcess process(String service) {
		FleetService fleetService = FleetService.named(service);
		ServiceProcess sp = this.processes.get(fleetService);
		if (sp == null) {
			throw new IllegalArgumentException(service + " is not part of this fleet");
		}
		return sp;
	}

	/**
	 * @param service e.g. {@code order-service}
	 * @return {@code http://localhost:<port>}
	 */
	public String url(String service) {
		return process(service).url();
	}

	/**
	 * @param service e.g. {@code order-service}
	 * @return its HTTP port
	 */
	public int port(String service) {
		return process(service).port;
	}

	/**
	 * @return the gateway's URL, the only one a client needs
	 */
	public String gatewayUrl() {
		return url(FleetService.GATEWAY.serviceName());
	}

	/**
	 * @param service e.g. {@code order-service}
	 * @return the JVM's process id, {@code -1} when not running
	 */
	public long pid(String service) {
		return process(service).info().pid();
	}

	/**
	 * @param service e.g. {@code order-service}
	 * @return its state, timings and pid
	 */
	public ServiceInfo service(String service) {
		synchronized (this.lock) {
			return process(service).info();
		}
	}

	/**
	 * @return every service of this fleet in start order
	 */
	public List<ServiceInfo> services() {
		synchronized (this.lock) {
			return this.processes.values().stream().map(ServiceProcess::info).toList();
		}
	}

	/**
	 * @return {@code localhost:<port>} of the embedded broker, or {@code KAFKA_BOOTSTRAP_SERVERS} with
	 * external infrastructure
	 */
	public String kafkaBootstrapServers() {
		return (this.kafka != null) ? this.kafka.bootstrapServers() : externalValue("KAFKA_BOOTSTRAP_SERVERS");
	}

	/**
	 * @return {@code mongodb://localhost:<port>/recommendations}, or {@code MONGODB_URI} with external
	 * infrastructure
	 */
	public String mongoConnectionString() {
		return (this.mongo != null) ? this.mongo.connectionString(MONGO_DATABASE) : externalValue("MONGODB_URI");
	}

	/**
	 * @return the mail catcher's web page ({@code http://localhost:<port>/}), or {@code null} with
	 * external infrastructure
	 */
	public String mailCatcherUrl() {
		return (this.mailCatcher != null) ? this.mailCatcher.url() : null;
	}

	/**
	 * @return the mail catcher's SMTP port, or {@code -1} with external infrastructure
	 */
	public int smtpPort() {
		return (this.mailCatcher != null) ? this.mailCatcher.smtpPort() : -1;
	}

	/**
	 * @param database e.g. {@code orders}
	 * @return the embedded server's JDBC URL for it (log in as the database name with
	 * {@code <database>-demo}), or {@code null} with external infrastructure
	 */
	public String jdbcUrl(String database) {
		return (this.postgres != null) ? this.postgres.jdbcUrl(database) : null;
	}

	/**
	 * @param service e.g. {@code order-service}
	 * @return the variables the launcher gives the service (on top of its own environment)
	 */
	public Map<String, String> environment(String service) {
		return Map.copyOf(serviceEnvironment(process(service).service));
	}

	public FleetOptions options() {
		return this.options;
	}

	/**
	 * @return when {@link #startAll()} began
	 */
	public Instant startedAt() {
		return this.startedAt;
	}

	/**
	 * @return when PostgreSQL, Kafka and MongoDB were ready (or the start time with external ones)
	 */
	public Instant infrastructureReadyAt() {
		return this.infrastructureReadyAt;
	}

	/**
	 * @return when the last service became healthy
	 */
	public Instant readyAt() {
		return this.readyAt;
	}

	/**
	 * @return rows for {@link FleetTable}: services with their last known health, then the
	 * infrastructure
	 */
	public List<FleetTable.Row> table() {
		List<FleetTable.Row> rows = new ArrayList<>();
		synchronized (this.lock) {
			for (ServiceProcess sp : this.processes.values()) {
				String health = sp.alive() ? sp.lastStatus : (sp.process == null) ? "not started" : "exited";
				rows.add(new FleetTable.Row(sp.service.serviceName(), sp.url(), health,
						sp.service.swaggerUi() ? sp.url() + "/swagger-ui.html" : "-", display(sp.logFile)));
			}
		}
		rows.addAll(infrastructureRows(this.options, this.postgresPort, this.kafkaPort, this.mongoPort,
				this.mailSmtpPort, this.mailWebPort));
		return rows;
	}

	/**
	 * Status rows for the infrastructure of a fleet run by another process (read from its ports).
	 * @param options the options that fleet was started with, usually from the environment
	 * @return rows for PostgreSQL, Kafka, MongoDB and the mail catcher, or one row saying they are external
	 */
	public static List<FleetTable.Row> infrastructureRows(FleetOptions options) {
		return infrastructureRows(options, options.port(FleetOptions.POSTGRES), options.port(FleetOptions.KAFKA),
				options.port(FleetOptions.MONGO), options.port(FleetOptions.MAIL_SMTP),
				options.port(FleetOptions.MAIL_WEB));
	}

	private static List<FleetTable.Row> infrastructureRows(FleetOptions options, int postgresPort, int kafkaPort,
			int mongoPort, int mailSmtpPort, int mailWebPort) {
		if (options.externalInfrastructure()) {
			return List.of(new FleetTable.Row("infrastructure", "external (EMPORIUM_INFRA=external)", "-", "-", "-"));
		}
		String launcherLog = display(options.repoRoot(), options.varDir().resolve("logs/devstack.log"));
		return List.of(
				new FleetTable.Row("postgresql", "jdbc:postgresql://localhost:" + postgresPort, listening(postgresPort),
						"-", display(options.repoRoot(), options.varDir().resolve("logs/postgres.log"))),
				new FleetTable.Row("kafka", "localhost:" + kafkaPort, listening(kafkaPort), "-", launcherLog),
				new FleetTable.Row("mongodb", "mongodb://localhost:%d/%s".formatted(mongoPort, MONGO_DATABASE),
						listening(mongoPort), "-", launcherLog),
				// The URL column is the page people open; the health is the SMTP port's.
				new FleetTable.Row("mail-catcher", "http://localhost:%d/ (SMTP %d)".formatted(mailWebPort, mailSmtpPort),
						listening(mailSmtpPort), "-", launcherLog));
	}

	private static String listening(int port) {
		return Ports.isListening(port) ? "UP" : "DOWN";
	}

	private String externalValue(String variable) {
		String value = this.options.extraEnv().get(variable);
		return (value != null) ? value : System.getenv(variable);
	}

	private String display(Path path) {
		return display(this.options.repoRoot(), path);
	}

	static String display(Path root, Path path) {
		return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
	}

	private static String seconds(Duration duration) {
		return "%.1f".formatted(duration.toMillis() / 1000.0);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FleetException("Interrupted while waiting for the fleet to start.");
		}
	}

}
