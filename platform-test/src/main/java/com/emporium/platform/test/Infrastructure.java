package com.emporium.platform.test;

/** Embedded servers an {@link EmporiumIntegrationTest} can ask for. */
public enum Infrastructure {

	/** PostgreSQL 17 (zonky binaries, a real server process). */
	POSTGRES,

	/** A single-node Kafka KRaft broker in the test JVM. */
	KAFKA,

	/** A MongoDB wire-protocol server in the test JVM (in memory). */
	MONGO

}
