/**
 * Embedded infrastructure for the devstack and for tests: PostgreSQL 17 (zonky binaries, a real
 * {@code postgres} child process), a single-node Kafka KRaft broker and a MongoDB wire-protocol
 * server (both in this JVM). Plain Java, no Spring, so the launcher and {@code platform-test} share
 * one implementation.
 *
 * <p>
 * Every server takes a directory (or file) to keep its data in, or {@code null} for a throwaway
 * one, and a port, or {@code 0} for a free one. A taken port fails fast with a
 * {@link com.emporium.devstack.infra.PortInUseException} whose message is one line naming the
 * port and the variable that changes it.
 */
package com.emporium.devstack.infra;
