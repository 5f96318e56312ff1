/**
 * Test support for every Emporium service: {@link com.emporium.platform.test.EmporiumIntegrationTest}
 * starts embedded PostgreSQL, Kafka and MongoDB once per test JVM and points the application at
 * them; {@link com.emporium.platform.test.TestJwts} mints tokens that verify against a JWKS served
 * over real HTTP; {@link com.emporium.platform.test.KafkaTopics} sends and reads raw records for
 * asserting events and dead letters.
 */
package com.emporium.platform.test;
