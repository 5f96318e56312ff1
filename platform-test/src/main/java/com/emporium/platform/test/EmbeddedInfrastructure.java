package com.emporium.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.emporium.devstack.infra.EmbeddedKafka;
import com.emporium.devstack.infra.EmbeddedMongo;
import com.emporium.devstack.infra.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded servers of this test JVM, started lazily on first use (throwaway directories, free
 * ports) and shared by every test class.
 *
 * <p>
 * They are stopped when the JUnit launcher session closes (after the last test, before the JVM
 * exits), after the Spring contexts that use them: stopping them first would leave Hikari and the
 * Kafka consumers of a closing context waiting for servers that are gone. A JVM shutdown hook does
 * the same when tests run without a session listener; the PostgreSQL child process never outlives
 * the JVM (zonky's own hook stops it too).
 */
public final class EmbeddedInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

	private static final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

	private static EmbeddedPostgres postgres;

	private static EmbeddedKafka kafka;

	private static EmbeddedMongo mongo;

	private static boolean hookRegistered;

	private EmbeddedInfrastructure() {
	}

	/**
	 * @return this JVM's PostgreSQL, started if needed
	 */
	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			registerShutdownHook();
			postgres = EmbeddedPostgres.start(null, 0);
		}
		return postgres;
	}

	/**
	 * @return this JVM's Kafka broker, started if needed
	 */
	public static synchronized EmbeddedKafka kafka() {
		if (kafka == null) {
			registerShutdownHook();
			kafka = EmbeddedKafka.start(null, 0, 0);
		}
		return kafka;
	}

	/**
	 * @return this JVM's MongoDB (in memory), started if needed
	 */
	public static synchronized EmbeddedMongo mongo() {
		if (mongo == null) {
			registerShutdownHook();
			mongo = EmbeddedMongo.start(null, 0);
		}
		return mongo;
	}

	/**
	 * Creates a database owned by a login role of the same name (idempotent), on the embedded
	 * server or, in the Testcontainers mode, in the PostgreSQL container.
	 * @param name database and role name
	 * @param password the role's password
	 * @return its JDBC URL
	 */
	public static String database(String name, String password) {
		if (TestInfrastructureMode.containers()) {
			return Containers.database(name, name, password);
		}
		EmbeddedPostgres postgres = postgres();
		postgres.createDatabase(name, name, password);
		return postgres.jdbcUrl(name);
	}

	/**
	 * @return the broker of this test JVM: embedded, or the Kafka container in the Testcontainers mode
	 */
	public static String kafkaBootstrapServers() {
		return TestInfrastructureMode.containers() ? Containers.kafkaBootstrapServers() : kafka().bootstrapServers();
	}

	/**
	 * @param database the database name
	 * @return the MongoDB of this test JVM: embedded, or the container in the Testcontainers mode
	 */
	public static String mongoConnectionString(String database) {
		return TestInfrastructureMode.containers() ? Containers.mongoConnectionString(database)
				: mongo().connectionString(database);
	}

	/**
	 * @param infrastructure a server
	 * @return whether it has been started (and not stopped since)
	 */
	public static synchronized boolean isRunning(Infrastructure infrastructure) {
		return switch (infrastructure) {
			case POSTGRES -> postgres != null;
			case KAFKA -> kafka != null;
			case MONGO -> mongo != null;
		};
	}

	/**
	 * Closes the application contexts that use the servers, then stops the servers. The next
	 * accessor call starts a new server. Called when the test run ends; tests rarely need it.
	 */
	public static synchronized void stop() {
		List<ConfigurableApplicationContext> open = new ArrayList<>(contexts);
		contexts.clear();
		for (int i = open.size() - 1; i >= 0; i--) {
			try {
				open.get(i).close();
			}
			catch (RuntimeException ex) {
				log.warn("Closing a test application context failed: {}", ex.toString());
			}
		}
		KafkaTopics.closeProducer();
		if (kafka != null) {
			closeQuietly(kafka);
			kafka = null;
		}
		if (mongo != null) {
			closeQuietly(mongo);
			mongo = null;
		}
		if (postgres != null) {
			closeQuietly(postgres);
			postgres = null;
		}
	}

	/** An application context wired to the servers: closed before they stop. */
	static void register(ConfigurableApplicationContext context) {
		contexts.add(context);
	}

	private static void registerShutdownHook() {
		if (!hookRegistered) {
			hookRegistered = true;
			Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedInfrastructure::stop, "embedded-infrastructure-stop"));
		}
	}

	private static void closeQuietly(AutoCloseable server) {
		try {
			server.close();
		}
		catch (Exception ex) {
			log.warn("Stopping {} failed: {}", server.getClass().getSimpleName(), ex.toString());
		}
	}

}
