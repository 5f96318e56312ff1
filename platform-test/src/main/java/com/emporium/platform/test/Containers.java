package com.emporium.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers path: real PostgreSQL 17, Kafka (KRaft) and MongoDB containers, the same images
 * as {@code docker-compose.yml}, started lazily once per test JVM. Used instead of the embedded
 * servers when {@code emporium.test.infrastructure=containers} (Maven profile
 * {@code testcontainers}); without Docker the tests are skipped, see
 * {@link ContainersNeedDocker}. Loaded only in that mode, so the embedded path never touches Docker.
 */
final class Containers {

	static final String POSTGRES_IMAGE = "postgres:17";

	static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

	static final String MONGO_IMAGE = "mongo:7";

	private static PostgreSQLContainer postgres;

	private static KafkaContainer kafka;

	private static MongoDBContainer mongo;

	private Containers() {
	}

	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	/** Creates the database and its owner (idempotent) and returns its JDBC URL. */
	static synchronized String database(String name, String owner, String password) {
		if (postgres == null) {
			postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
			postgres.start();
		}
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
				postgres.getPassword()); Statement sql = connection.createStatement()) {
			sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s LOGIN PASSWORD '%s'; END IF; END $$"
				.formatted(owner, owner, password));
			if (!sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '%s'".formatted(name)).next()) {
				sql.execute("CREATE DATABASE %s OWNER %s".formatted(name, owner));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name + " in the container", ex);
		}
		return "jdbc:postgresql://%s:%d/%s".formatted(postgres.getHost(),
				postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT), name);
	}

	static synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			kafka = new KafkaContainer(KAFKA_IMAGE);
			kafka.start();
		}
		return kafka.getBootstrapServers();
	}

	static synchronized String mongoConnectionString(String database) {
		if (mongo == null) {
			mongo = new MongoDBContainer(MONGO_IMAGE);
			mongo.start();
		}
		return mongo.getReplicaSetUrl(database);
	}

}
