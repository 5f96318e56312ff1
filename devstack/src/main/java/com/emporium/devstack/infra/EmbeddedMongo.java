package com.emporium.devstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server in this JVM ({@code de.bwaldvogel:mongo-java-server}), never a
 * downloaded {@code mongod}. With a file, data is kept in an H2 MVStore and survives restarts;
 * without one it is in memory.
 *
 * <p>
 * It is a single node without a replica set: no transactions or change streams.
 */
public final class EmbeddedMongo implements AutoCloseable {

	/** The variable that moves the devstack's MongoDB port. */
	public static final String PORT_ENV = "EMPORIUM_MONGO_PORT";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

	private final MongoServer server;

	private final Path file;

	private final int port;

	private boolean closed;

	private EmbeddedMongo(MongoServer server, Path file, int port) {
		this.server = server;
		this.file = file;
		this.port = port;
	}

	/**
	 * Starts the server on {@code localhost}.
	 * @param file the H2 file that keeps the data (created with its folders when missing), {@code null}
	 * for an in-memory server
	 * @param port the port, {@code 0} for a free one
	 * @return the running server
	 * @throws PortInUseException if the port is taken
	 * @throws InfrastructureException if the server does not start, e.g. because another process has
	 * the file open
	 */
	public static EmbeddedMongo start(Path file, int port) {
		int resolvedPort = Ports.resolve(port, "MongoDB", PORT_ENV);
		MongoBackend backend;
		try {
			if (file != null) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				backend = new H2Backend(file.toAbsolutePath().toString());
			}
			else {
				backend = new MemoryBackend();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new InfrastructureException("MongoDB could not open %s (%s): is another devstack using it?"
				.formatted(file, firstLine(ex.getMessage())), ex);
		}
		MongoServer server = new MongoServer(backend);
		try {
			server.bind("localhost", resolvedPort);
		}
		catch (RuntimeException ex) {
			server.shutdownNow();
			throw new InfrastructureException("MongoDB failed to start on port %d (%s).".formatted(resolvedPort,
					firstLine(ex.getMessage())), ex);
		}
		log.info("MongoDB started port={} file={}", resolvedPort, (file != null) ? file : "(in memory)");
		return new EmbeddedMongo(server, file, resolvedPort);
	}

	/**
	 * @param database a database name
	 * @return e.g. {@code mongodb://localhost:17017/recommendations}
	 */
	public String connectionString(String database) {
		return "mongodb://localhost:%d/%s".formatted(this.port, database);
	}

	public int port() {
		return this.port;
	}

	/**
	 * @return the H2 file, or {@code null} when in memory
	 */
	public Path file() {
		return this.file;
	}

	/** Stops the server and closes the store, which writes everything to the file. Idempotent. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.server.shutdownNow();
		log.info("MongoDB stopped port={}", this.port);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no detail";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
