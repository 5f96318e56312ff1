package com.emporium.devstack.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.emporium.devstack.infra.EmbeddedKafka;
import com.emporium.devstack.infra.EmbeddedMongo;
import com.emporium.devstack.infra.MailCatcher;
import com.emporium.devstack.infra.EmbeddedPostgres;

/**
 * How to start a {@link Fleet}. Build with {@link #builder(Path)}, or read the environment the way
 * {@code ./emporium} does with {@link #fromEnvironment(Path, Map)}.
 *
 * @param repoRoot the repository root: jars are {@code <module>/target/<module>.jar} below it and
 * services run with it as working directory (config-server finds {@code config-repo/} there)
 * @param varDir where data and logs live ({@code postgres/}, {@code kafka/}, {@code mongo/},
 * {@code logs/})
 * @param freePorts pick free ports for every service and server instead of the configured ones, so
 * a test fleet never collides with a developer's fleet
 * @param externalInfrastructure start no embedded servers (nor the mail catcher); services get
 * {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code <SVC>_DB_*} and {@code SMTP_*} from
 * the environment as given
 * @param ports ports by service name ({@code order-service}) or server ({@link #POSTGRES},
 * {@link #KAFKA}, {@link #KAFKA_CONTROLLER}, {@link #MONGO}, {@link #MAIL_SMTP}, {@link #MAIL_WEB});
 * missing ones take the defaults; ignored
 * with {@code freePorts}
 * @param extraEnv variables added to every service's environment last (they win)
 * @param javaCommand the {@code java} executable for the services
 * @param javaOpts JVM options for every service
 * @param startTimeout how long one service may take to become healthy
 * @param stopTimeout how long one service may take to stop after SIGTERM before it is killed
 * @param services which services to start (in fleet order)
 * @param aot whether services start from JDK ahead-of-time caches, and whether missing ones are made
 */
public record FleetOptions(Path repoRoot, Path varDir, boolean freePorts, boolean externalInfrastructure,
		Map<String, Integer> ports, Map<String, String> extraEnv, String javaCommand, List<String> javaOpts,
		Duration startTimeout, Duration stopTimeout, Set<FleetService> services, AotMode aot) {

	/** Key of the PostgreSQL port in {@link #ports()}. */
	public static final String POSTGRES = "postgres";

	/** Key of the Kafka broker port in {@link #ports()}. */
	public static final String KAFKA = "kafka";

	/** Key of the Kafka controller port in {@link #ports()}. */
	public static final String KAFKA_CONTROLLER = "kafka-controller";

	/** Key of the MongoDB port in {@link #ports()}. */
	public static final String MONGO = "mongo";

	/** Key of the mail catcher's SMTP port in {@link #ports()}. */
	public static final String MAIL_SMTP = "mail-smtp";

	/** Key of the mail catcher's web page port in {@link #ports()}. */
	public static final String MAIL_WEB = "mail-web";

	/**
	 * JVM options for each service, chosen for a 2-core machine running eight JVMs and a target of
	 * less than 300 MB RSS each: one GC thread and no concurrent GC work; a heap that starts small,
	 * grows only when less than 10% is free after a collection and gives memory back above 25%
	 * (at once, not in steps), with a 20 MB young generation (a young collection of these small live
	 * sets takes about a millisecond); a capped code cache; small thread stacks (virtual threads do
	 * the request work); compact object headers (JDK 25); and C1 only, which starts a JVM sooner and
	 * keeps the compiler's memory down.
	 */
	public static final List<String> DEFAULT_JAVA_OPTS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-Xmn20m",
			"-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=25", "-XX:-ShrinkHeapInSteps", "-XX:MaxMetaspaceSize=160m",
			"-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:+UseCompactObjectHeaders", "-XX:TieredStopAtLevel=1");

	/**
	 * The gateway's JVM options when every service runs with {@link #DEFAULT_JAVA_OPTS}: the same,
	 * but with the full JIT (C2). Every request goes through it, so its steady-state speed is the
	 * fleet's: side by side at 200 requests/s (bench/run serving), C1 only collapsed into 503s and
	 * 504s where C2 served every request. It costs the gateway about 50 MB RSS, which it has below
	 * 300 MB, and a few seconds of start-up.
	 */
	public static final List<String> DEFAULT_GATEWAY_JAVA_OPTS = DEFAULT_JAVA_OPTS.stream()
		.filter(option -> !option.equals("-XX:TieredStopAtLevel=1"))
		.toList();

	/** Default {@link #startTimeout()}. */
	public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

	public FleetOptions {
		Objects.requireNonNull(repoRoot, "repoRoot");
		repoRoot = repoRoot.toAbsolutePath().normalize();
		varDir = (varDir != null) ? varDir.toAbsolutePath().normalize() : repoRoot.resolve("var");
		ports = Map.copyOf(ports);
		extraEnv = Map.copyOf(extraEnv);
		javaOpts = List.copyOf(javaOpts);
		services = Set.copyOf(services);
		Objects.requireNonNull(aot, "aot");
		Objects.requireNonNull(javaCommand, "javaCommand");
		Objects.requireNonNull(startTimeout, "startTimeout");
		Objects.requireNonNull(stopTimeout, "stopTimeout");
	}

	/**
	 * @param service a service
	 * @return its JVM options: {@link #javaOpts()}, except for the gateway when those are the
	 * defaults ({@link #DEFAULT_GATEWAY_JAVA_OPTS})
	 */
	public List<String> javaOpts(FleetService service) {
		return (service == FleetService.GATEWAY && this.javaOpts.equals(DEFAULT_JAVA_OPTS)) ? DEFAULT_GATEWAY_JAVA_OPTS
				: this.javaOpts;
	}

	/**
	 * @param repoRoot the repository root
	 * @return a builder with the defaults: {@code var/} under the root, default ports, embedded
	 * infrastructure, {@link #DEFAULT_JAVA_OPTS}, the {@code java} running this JVM, every service
	 */
	public static Builder builder(Path repoRoot) {
		return new Builder(repoRoot);
	}

	/**
	 * Options from environment variables, as {@code ./emporium} reads them: the port variables of
	 * {@code docs/configuration.md}, {@code EMPORIUM_VAR_DIR}, {@code EMPORIUM_INFRA=external},
	 * {@code EMPORIUM_JAVA_OPTS} (replaces the defaults), {@code EMPORIUM_START_TIMEOUT} (seconds) and
	 * {@code EMPORIUM_AOT} ({@code train}, the default: use and make AOT caches; {@code use}; {@code off}).
	 * @param repoRoot the repository root
	 * @param env the environment, usually {@link System#getenv()}
	 * @return the options
	 * @throws IllegalArgumentException naming a variable that is not a number
	 */
	public static FleetOptions fromEnvironment(Path repoRoot, Map<String, String> env) {
		Builder builder = builder(repoRoot);
		for (FleetService service : FleetService.values()) {
			readPort(env, service.portVariable()).ifPresent(port -> builder.port(service.serviceName(), port));
		}
		readPort(env, EmbeddedPostgres.PORT_ENV).ifPresent(port -> builder.port(POSTGRES, port));
		readPort(env, EmbeddedKafka.PORT_ENV).ifPresent(port -> builder.port(KAFKA, port));
		readPort(env, EmbeddedKafka.CONTROLLER_PORT_ENV).ifPresent(port -> builder.port(KAFKA_CONTROLLER, port));
		readPort(env, EmbeddedMongo.PORT_ENV).ifPresent(port -> builder.port(MONGO, port));
		readPort(env, MailCatcher.SMTP_PORT_ENV).ifPresent(port -> builder.port(MAIL_SMTP, port));
		readPort(env, MailCatcher.WEB_PORT_ENV).ifPresent(port -> builder.port(MAIL_WEB, port));
		String varDir = env.get("EMPORIUM_VAR_DIR");
		if (varDir != null && !varDir.isBlank()) {
			builder.varDir(repoRoot.resolve(varDir));
		}
		String infra = env.getOrDefault("EMPORIUM_INFRA", "embedded").trim();
		if (!infra.equals("embedded") && !infra.equals("external") && !infra.isEmpty()) {
			throw new IllegalArgumentException(
					"EMPORIUM_INFRA is '%s': use 'external' (your own PostgreSQL, Kafka and MongoDB) or leave it unset."
						.formatted(infra));
		}
		builder.externalInfrastructure(infra.equals("external"));
		String javaOpts = env.get("EMPORIUM_JAVA_OPTS");
		if (javaOpts != null && !javaOpts.isBlank()) {
			builder.javaOpts(Arrays.asList(javaOpts.trim().split("\\s+")));
		}
		String aot = env.getOrDefault("EMPORIUM_AOT", "train").trim().toUpperCase(java.util.Locale.ROOT);
		try {
			builder.aot(aot.isEmpty() ? AotMode.TRAIN : AotMode.valueOf(aot));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"EMPORIUM_AOT is '%s': use train (the default), use or off.".formatted(env.get("EMPORIUM_AOT")));
		}
		String timeout = env.get("EMPORIUM_START_TIMEOUT");
		if (timeout != null && !timeout.isBlank()) {
			builder.startTimeout(Duration.ofSeconds(parse("EMPORIUM_START_TIMEOUT", timeout)));
		}
		return builder.build();
	}

	/**
	 * @param key a service name or one of {@link #POSTGRES}, {@link #KAFKA}, {@link #KAFKA_CONTROLLER},
	 * {@link #MONGO}, {@link #MAIL_SMTP}, {@link #MAIL_WEB}
	 * @return the configured port (ignoring {@link #freePorts()})
	 */
	public int port(String key) {
		Integer port = this.ports.get(key);
		return (port != null) ? port : defaultPort(key);
	}

	static int defaultPort(String key) {
		return switch (key) {
			case POSTGRES -> 15432;
			case KAFKA -> 19092;
			case KAFKA_CONTROLLER -> 19093;
			case MONGO -> 17017;
			case MAIL_SMTP -> 13025;
			case MAIL_WEB -> 18025;
			default -> FleetService.named(key).defaultPort();
		};
	}

	private static java.util.Optional<Integer> readPort(Map<String, String> env, String variable) {
		String value = env.get(variable);
		if (value == null || value.isBlank()) {
			return java.util.Optional.empty();
		}
		int port = parse(variable, value);
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("%s is %s: use a port between 1 and 65535.".formatted(variable, value));
		}
		return java.util.Optional.of(port);
	}

	private static int parse(String variable, String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("%s is '%s': use a number.".formatted(variable, value));
		}
	}

	/** Builder of {@link FleetOptions}. */
	public static final class Builder {

		private final Path repoRoot;

		private Path varDir;

		private boolean freePorts;

		private boolean externalInfrastructure;

		private final Map<String, Integer> ports = new LinkedHashMap<>();

		private final Map<String, String> extraEnv = new LinkedHashMap<>();

		private String javaCommand = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

		private List<String> javaOpts = DEFAULT_JAVA_OPTS;

		private Duration startTimeout = DEFAULT_START_TIMEOUT;

		private Duration stopTimeout = Duration.ofSeconds(20);

		private Set<FleetService> services = EnumSet.allOf(FleetService.class);

		private AotMode aot = AotMode.OFF;

		private Builder(Path repoRoot) {
			this.repoRoot = repoRoot;
		}

		public Builder varDir(Path varDir) {
			this.varDir = varDir;
			return this;
		}

		public Builder freePorts(boolean freePorts) {
			this.freePorts = freePorts;
			return this;
		}

		public Builder externalInfrastructure(boolean externalInfrastructure) {
			this.externalInfrastructure = externalInfrastructure;
			return this;
		}

		public Builder port(String key, int port) {
			this.ports.put(key, port);
			return this;
		}

		public Builder env(String name, String value) {
			this.extraEnv.put(name, value);
			return this;
		}

		public Builder env(Map<String, String> env) {
			this.extraEnv.putAll(env);
			return this;
		}

		public Builder javaCommand(String javaCommand) {
			this.javaCommand = javaCommand;
			return this;
		}

		public Builder javaOpts(List<String> javaOpts) {
			this.javaOpts = javaOpts;
			return this;
		}

		public Builder startTimeout(Duration startTimeout) {
			this.startTimeout = startTimeout;
			return this;
		}

		public Builder stopTimeout(Duration stopTimeout) {
			this.stopTimeout = stopTimeout;
			return this;
		}

		public Builder services(Set<FleetService> services) {
			this.services = EnumSet.copyOf(services);
			return this;
		}

		public Builder services(FleetService... services) {
			return services(Set.of(services));
		}

		public Builder aot(AotMode aot) {
			this.aot = aot;
			return this;
		}

		public FleetOptions build() {
			return new FleetOptions(this.repoRoot, this.varDir, this.freePorts, this.externalInfrastructure,
					this.ports, this.extraEnv, this.javaCommand, this.javaOpts, this.startTimeout, this.stopTimeout,
					this.services, this.aot);
		}

	}

}
