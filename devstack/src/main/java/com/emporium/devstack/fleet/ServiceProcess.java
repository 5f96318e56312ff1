package com.emporium.devstack.fleet;

import java.nio.file.Path;
import java.time.Instant;

/** The mutable state of one service in a {@link Fleet}; guarded by the fleet's lock. */
final class ServiceProcess {

	final FleetService service;

	final int port;

	final Path logFile;

	Process process;

	Instant startedAt;

	Instant healthyAt;

	String lastStatus = "-";

	/** Whether the running JVM started from its AOT cache. */
	boolean aotCache;

	ServiceProcess(FleetService service, int port, Path logFile) {
		this.service = service;
		this.port = port;
		this.logFile = logFile;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	ServiceInfo info() {
		return new ServiceInfo(this.service.serviceName(), url(), this.port, alive() ? this.process.pid() : -1,
				this.startedAt, this.healthyAt, this.logFile,
				this.service.swaggerUi() ? url() + "/swagger-ui.html" : null, this.aotCache);
	}

}
