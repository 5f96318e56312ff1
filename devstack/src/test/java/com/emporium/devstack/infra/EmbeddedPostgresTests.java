package com.emporium.devstack.infra;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedPostgresTests {

	@TempDir
	Path temp;

	@Test
	void servesADatabaseThatItsOwnerCanLogInTo() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(null, 0)) {
			postgres.createDatabase("orders", "orders", "orders-demo");
			postgres.createDatabase("orders", "orders", "orders-demo");

			try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orders"), "orders",
					"orders-demo");
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE orders (id int PRIMARY KEY)");
				statement.execute("INSERT INTO orders VALUES (1)");
				try (ResultSet rs = statement.executeQuery("SELECT count(*), current_user, version() FROM orders")) {
					rs.next();
					assertThat(rs.getInt(1)).isEqualTo(1);
					assertThat(rs.getString(2)).isEqualTo("orders");
					assertThat(rs.getString(3)).startsWith("PostgreSQL 17");
				}
			}
		}
	}

	@Test
	void keepsDataAcrossARestartOnTheSameDirectory() throws Exception {
		Path data = this.temp.resolve("postgres");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(data, 0)) {
			postgres.createDatabase("users", "users", "users-demo");
			try (Connection connection = postgres.connect("users"); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE users (name text)");
				statement.execute("INSERT INTO users VALUES ('ada')");
			}
		}
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(data, 0)) {
			postgres.createDatabase("users", "users", "users-demo");
			try (Connection connection = postgres.connect("users");
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT name FROM users")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("ada");
			}
		}
		assertThat(data.resolve("postgresql.conf")).exists();
	}

	@Test
	void refusesATakenPortWithOneLineNamingTheVariable() throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			assertThatExceptionOfType(PortInUseException.class)
				.isThrownBy(() -> EmbeddedPostgres.start(null, taken.getLocalPort()))
				.withMessage("Port %d (PostgreSQL) is already in use: stop what uses it or set EMPORIUM_PG_PORT to a free port."
					.formatted(taken.getLocalPort()));
		}
	}

}
