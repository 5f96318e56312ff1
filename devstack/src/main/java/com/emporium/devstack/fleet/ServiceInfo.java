package com.emporium.devstack.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of one service of a {@link Fleet}.
 *
 * @param name the service name, e.g. {@code order-service}
 * @param url {@code http://localhost:<port>}
 * @param port the HTTP port
 * @param pid the JVM's process id, {@code -1} when not running (read RSS from
 * {@code /proc/<pid>/status})
 * @param startedAt when its process was started, or {@code null}
 * @param healthyAt when it first answered {@code UP} after that start, or {@code null}
 * @param logFile its stdout and stderr
 * @param swaggerUiUrl its Swagger UI, or {@code null} (discovery, config-server)
 * @param aotCache whether the running JVM started from its JDK ahead-of-time cache ({@link AotMode})
 */
public record ServiceInfo(String name, String url, int port, long pid, Instant startedAt, Instant healthyAt,
		Path logFile, String swaggerUiUrl, boolean aotCache) {

	/**
	 * @return from process start to first healthy answer, or {@code null} when not healthy yet
	 */
	public Duration startupTime() {
		return (this.startedAt != null && this.healthyAt != null) ? Duration.between(this.startedAt, this.healthyAt)
				: null;
	}

	public boolean running() {
		return this.pid > 0 && ProcessHandle.of(this.pid).map(ProcessHandle::isAlive).orElse(false);
	}

}
