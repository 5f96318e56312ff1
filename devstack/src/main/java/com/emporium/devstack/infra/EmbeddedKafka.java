package com.emporium.devstack.infra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka 4 broker in KRaft mode (combined broker and controller) running in this
 * JVM, built from Kafka's own server classes ({@link KafkaRaftServer} and the storage
 * {@link Formatter}) rather than a test harness, so it can keep its log directory across restarts.
 *
 * <p>
 * Topics are auto-created with one partition; internal topics use replication factor 1, and the
 * group initial rebalance delay is 0 so consumers in tests and the devstack start at once. The
 * quorum is static ({@code controller.quorum.voters}), which lets a restart on the same directory
 * use different ports.
 */
public final class EmbeddedKafka implements AutoCloseable {

	/** The variable that moves the devstack's broker port. */
	public static final String PORT_ENV = "EMPORIUM_KAFKA_PORT";

	/** The variable that moves the devstack's controller port. */
	public static final String CONTROLLER_PORT_ENV = "EMPORIUM_KAFKA_CONTROLLER_PORT";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

	private static final int NODE_ID = 1;

	private final KafkaRaftServer server;

	private final Path logDirectory;

	private final boolean throwaway;

	private final int port;

	private final int controllerPort;

	private boolean closed;

	private EmbeddedKafka(KafkaRaftServer server, Path logDirectory, boolean throwaway, int port,
			int controllerPort) {
		this.server = server;
		this.logDirectory = logDirectory;
		this.throwaway = throwaway;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	/**
	 * Starts the broker and waits until it answers clients.
	 * @param logDirectory where topics and metadata live (formatted on first use), {@code null} for a
	 * throwaway directory
	 * @param port the client port, {@code 0} for a free one
	 * @param controllerPort the KRaft controller port, {@code 0} for a free one
	 * @return the running broker
	 * @throws PortInUseException if a port is taken
	 * @throws InfrastructureException if the broker does not start
	 */
	public static EmbeddedKafka start(Path logDirectory, int port, int controllerPort) {
		Path dir = null;
		KafkaRaftServer server = null;
		try {
			dir = (logDirectory != null) ? logDirectory.toAbsolutePath() : Files.createTempDirectory("emporium-kafka-");
			Files.createDirectories(dir);
			int brokerPort = Ports.resolve(port, "Kafka", PORT_ENV);
			int quorumPort = Ports.resolve(controllerPort, "Kafka controller", CONTROLLER_PORT_ENV);
			if (quorumPort == brokerPort) {
				quorumPort = Ports.resolve(0, "Kafka controller", CONTROLLER_PORT_ENV);
			}
			KafkaConfig config = new KafkaConfig(config(dir, brokerPort, quorumPort), false);
			long started = System.nanoTime();
			formatIfNeeded(dir);
			server = new KafkaRaftServer(config, Time.SYSTEM);
			server.startup();
			awaitReady(brokerPort);
			log.info("Kafka started port={} controllerPort={} logDirectory={} in {} ms", brokerPort, quorumPort, dir,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
			return new EmbeddedKafka(server, dir, logDirectory == null, brokerPort, quorumPort);
		}
		catch (InfrastructureException ex) {
			cleanUp(server, dir, logDirectory == null);
			throw ex;
		}
		catch (Exception | LinkageError ex) {
			cleanUp(server, dir, logDirectory == null);
			throw new InfrastructureException("Kafka failed to start (%s).".formatted(ex), ex);
		}
	}

	private static Map<String, Object> config(Path dir, int port, int controllerPort) {
		Map<String, Object> props = new HashMap<>();
		props.put("process.roles", "broker,controller");
		props.put("node.id", String.valueOf(NODE_ID));
		props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
		props.put("listeners", "PLAINTEXT://localhost:%d,CONTROLLER://localhost:%d".formatted(port, controllerPort));
		props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("controller.listener.names", "CONTROLLER");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("log.dirs", dir.toString());
		props.put("auto.create.topics.enable", "true");
		props.put("num.partitions", "1");
		props.put("default.replication.factor", "1");
		props.put("offsets.topic.replication.factor", "1");
		// One partition each: 50 (the default) costs seconds and hundreds of files on first start.
		props.put("offsets.topic.num.partitions", "1");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("transaction.state.log.num.partitions", "1");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		props.put("group.initial.rebalance.delay.ms", "0");
		// Sized for a 2-core machine sharing memory with the fleet: the cleaner's default 128 MiB
		// dedupe buffer alone would be most of the launcher's heap.
		props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
		props.put("num.network.threads", "2");
		props.put("num.io.threads", "2");
		props.put("num.recovery.threads.per.data.dir", "1");
		props.put("background.threads", "2");
		return props;
	}

	/**
	 * Formats the directory once; a directory with {@code meta.properties} keeps its cluster id and
	 * data.
	 */
	private static void formatIfNeeded(Path dir) throws Exception {
		if (Files.exists(dir.resolve("meta.properties"))) {
			return;
		}
		String clusterId = Uuid.randomUuid().toString();
		new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(NODE_ID)
			.setClusterId(clusterId)
			.setDirectories(List.of(dir.toString()))
			.setMetadataLogDirectory(dir.toString())
			.setControllerListenerName("CONTROLLER")
			.run();
		log.info("Kafka log directory formatted clusterId={} logDirectory={}", clusterId, dir);
	}

	private static void awaitReady(int port) throws Exception {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				30000);
		try (Admin admin = Admin.create(config)) {
			admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
		}
	}

	private static void cleanUp(KafkaRaftServer server, Path dir, boolean throwaway) {
		if (server != null) {
			try {
				server.shutdown();
				server.awaitShutdown();
			}
			catch (RuntimeException ex) {
				log.debug("Kafka did not stop cleanly after a failed start", ex);
			}
		}
		if (throwaway) {
			EmbeddedPostgres.deleteQuietly(dir);
		}
	}

	/**
	 * @return {@code localhost:<port>}, for {@code bootstrap.servers}
	 */
	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	public int port() {
		return this.port;
	}

	public int controllerPort() {
		return this.controllerPort;
	}

	public Path logDirectory() {
		return this.logDirectory;
	}

	/** Stops the broker (a controlled shutdown, so logs are flushed); a throwaway directory is deleted. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		long started = System.nanoTime();
		this.server.shutdown();
		this.server.awaitShutdown();
		log.info("Kafka stopped port={} in {} ms", this.port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		if (this.throwaway) {
			EmbeddedPostgres.deleteQuietly(this.logDirectory);
		}
	}

}
