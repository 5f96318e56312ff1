package com.emporium.devstack.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from zonky's embedded binaries (a real {@code postgres} child process, not an
 * emulation), listening on {@code localhost}.
 *
 * <p>
 * With a data directory the cluster is created on first start and reused afterwards, so data
 * survives restarts; without one it lives in a temporary directory that {@link #close()} deletes.
 * Authentication is {@code trust} on loopback: the roles' passwords are stored so that services
 * configured with them work unchanged against a real server.
 *
 * <pre>{@code
 * try (EmbeddedPostgres pg = EmbeddedPostgres.start(null, 0)) {
 *     pg.createDatabase("orders", "orders", "orders-demo");
 *     String url = pg.jdbcUrl("orders");
 * }
 * }</pre>
 */
public final class EmbeddedPostgres implements AutoCloseable {

	/** The variable that moves the devstack's PostgreSQL port. */
	public static final String PORT_ENV = "EMPORIUM_PG_PORT";

	/** The superuser created by {@code initdb}. */
	public static final String SUPERUSER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres delegate;

	private final Path dataDirectory;

	private final Path throwawayRoot;

	private final int port;

	private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres delegate, Path dataDirectory,
			Path throwawayRoot, int port) {
		this.delegate = delegate;
		this.dataDirectory = dataDirectory;
		this.throwawayRoot = throwawayRoot;
		this.port = port;
	}

	/**
	 * Starts PostgreSQL; its server log goes to {@code postgres.log} beside the data directory.
	 * @param dataDirectory where the cluster lives, {@code null} for a throwaway one
	 * @param port the port, {@code 0} for a free one
	 * @return the running server
	 * @throws PortInUseException if the port is taken
	 * @throws InfrastructureException if the server does not start
	 */
	public static EmbeddedPostgres start(Path dataDirectory, int port) {
		return start(dataDirectory, port, null);
	}

	/**
	 * Starts PostgreSQL.
	 * @param dataDirectory where the cluster lives, {@code null} for a throwaway one
	 * @param port the port, {@code 0} for a free one
	 * @param logFile where the server log is appended, {@code null} for {@code postgres.log} beside
	 * the data directory
	 * @return the running server
	 * @throws PortInUseException if the port is taken
	 * @throws InfrastructureException if the server does not start
	 */
	public static EmbeddedPostgres start(Path dataDirectory, int port, Path logFile) {
		Path throwawayRoot = null;
		Path dataDir;
		try {
			if (dataDirectory == null) {
				throwawayRoot = Files.createTempDirectory("emporium-pg-");
				dataDir = throwawayRoot.resolve("data");
			}
			else {
				dataDir = dataDirectory.toAbsolutePath();
				Files.createDirectories(dataDir.getParent());
				stopOrphanedPostmaster(dataDir);
			}
			Path serverLog = (logFile != null) ? logFile : dataDir.resolveSibling("postgres.log");
			Files.createDirectories(serverLog.toAbsolutePath().getParent());
			int resolvedPort = Ports.resolve(port, "PostgreSQL", PORT_ENV);
			var redirect = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
			var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
				.setPort(resolvedPort)
				.setDataDirectory(dataDir.toFile())
				.setCleanDataDirectory(dataDirectory == null)
				.setOutputRedirector(redirect)
				.setErrorRedirector(redirect)
				// First start on a busy 2-core machine (initdb plus recovery) can take more than zonky's 10 s.
				.setPGStartupWait(Duration.ofSeconds(60));
			if (dataDirectory != null) {
				// zonky turns this off for speed; a devstack that keeps data should not lose the last commits on a crash.
				builder.setServerConfig("synchronous_commit", "on");
			}
			long started = System.nanoTime();
			var delegate = builder.start();
			log.info("PostgreSQL started port={} dataDirectory={} in {} ms", resolvedPort, dataDir,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
			return new EmbeddedPostgres(delegate, dataDir, throwawayRoot, resolvedPort);
		}
		catch (InfrastructureException ex) {
			deleteQuietly(throwawayRoot);
			throw ex;
		}
		catch (IllegalStateException ex) {
			deleteQuietly(throwawayRoot);
			if (String.valueOf(ex.getMessage()).startsWith("could not lock")) {
				throw new InfrastructureException("PostgreSQL data directory %s is used by another process: stop the other devstack or test run first."
					.formatted(dataDirectory), ex);
			}
			throw new InfrastructureException("PostgreSQL failed to start (%s): see %s.".formatted(ex.getMessage(),
					(logFile != null) ? logFile : "postgres.log beside " + dataDirectory), ex);
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(throwawayRoot);
			throw new InfrastructureException("PostgreSQL failed to start (%s).".formatted(ex.getMessage()), ex);
		}
	}

	/**
	 * Creates a login role and a database owned by it, unless they exist; an existing role gets the
	 * given password. Safe to call on every start.
	 * @param name the database name (lower case, digits, underscores)
	 * @param owner the role name (same rule)
	 * @param password the role's password
	 */
	public void createDatabase(String name, String owner, String password) {
		requireIdentifier(name);
		requireIdentifier(owner);
		String quotedPassword = "'" + password.replace("'", "''") + "'";
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			boolean roleExists;
			try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
				query.setString(1, owner);
				try (ResultSet rs = query.executeQuery()) {
					roleExists = rs.next();
				}
			}
			statement.execute("%s ROLE %s LOGIN PASSWORD %s".formatted(roleExists ? "ALTER" : "CREATE", owner,
					quotedPassword));
			boolean databaseExists;
			try (PreparedStatement query = connection
				.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				query.setString(1, name);
				try (ResultSet rs = query.executeQuery()) {
					databaseExists = rs.next();
				}
			}
			if (!databaseExists) {
				statement.execute("CREATE DATABASE %s OWNER %s".formatted(name, owner));
				log.info("PostgreSQL database created name={} owner={}", name, owner);
			}
		}
		catch (SQLException ex) {
			throw new InfrastructureException("Could not create PostgreSQL database %s (%s).".formatted(name,
					ex.getMessage()), ex);
		}
	}

	/**
	 * A connection as the superuser, for set-up and assertions in tests.
	 * @param database the database to connect to
	 * @return a new connection, to be closed by the caller
	 * @throws SQLException if connecting fails
	 */
	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
	}

	/**
	 * @param database a database name
	 * @return {@code jdbc:postgresql://localhost:<port>/<database>}
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:%d/%s".formatted(this.port, database);
	}

	public int port() {
		return this.port;
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/** Stops the server ({@code pg_ctl stop -m fast}); a throwaway cluster is deleted. Idempotent. */
	@Override
	public void close() {
		try {
			long started = System.nanoTime();
			this.delegate.close();
			log.info("PostgreSQL stopped port={} in {} ms", this.port,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
		catch (IOException ex) {
			log.warn("PostgreSQL did not stop cleanly port={}", this.port, ex);
		}
		deleteQuietly(this.throwawayRoot);
	}

	private static void requireIdentifier(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
		}
	}

	/**
	 * A launcher killed with SIGKILL leaves its postmaster running (pg_ctl detaches it). It holds the
	 * port and the data directory, so stop it cleanly before starting again.
	 */
	private static void stopOrphanedPostmaster(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		Optional<ProcessHandle> postmaster;
		try {
			List<String> lines = Files.readAllLines(pidFile);
			postmaster = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return;
		}
		Optional<String> command = postmaster.filter(ProcessHandle::isAlive).flatMap(p -> p.info().command());
		if (command.isEmpty() || !command.get().endsWith("/postgres")) {
			return; // stale pid file: postgres handles that itself
		}
		long pid = postmaster.get().pid();
		log.warn("Stopping PostgreSQL left running by an earlier run pid={} dataDirectory={}", pid, dataDir);
		File pgCtl = new File(new File(command.get()).getParentFile(), "pg_ctl");
		try {
			Process stop = new ProcessBuilder(pgCtl.getPath(), "-D", dataDir.toString(), "stop", "-m", "fast", "-w",
					"-t", "30")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			stop.waitFor(40, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			postmaster.get().destroy();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			postmaster.get().onExit().get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			postmaster.get().destroyForcibly();
		}
	}

	static void deleteQuietly(Path root) {
		if (root == null || !Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not delete {}", root, ex);
		}
	}

}
