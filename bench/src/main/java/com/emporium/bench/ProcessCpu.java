package com.emporium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.emporium.devstack.fleet.Fleet;

/**
 * The CPU time some of a fleet's processes have used, read from the kernel's accounting: what a
 * request costs them, which a throughput figure on a shared 2-core machine only shows through the
 * noise of everything else running.
 */
final class ProcessCpu {

	private final List<Long> pids;

	private final Path postgresPidFile;

	private ProcessCpu(List<Long> pids, Path postgresPidFile) {
		this.pids = pids;
		this.postgresPidFile = postgresPidFile;
	}

	/** These services' JVMs, and PostgreSQL (its postmaster and every backend). */
	static ProcessCpu of(Fleet fleet, String... services) {
		return new ProcessCpu(Stream.of(services).map(fleet::pid).toList(),
				fleet.options().varDir().resolve("postgres").resolve("postmaster.pid"));
	}

	/** The CPU time used so far. Backends that ended in between are not counted. */
	Duration used() throws IOException {
		Duration total = Duration.ZERO;
		for (long pid : this.pids) {
			total = total.plus(cpu(pid));
		}
		if (Files.exists(this.postgresPidFile)) {
			long postmaster = Long.parseLong(Files.readAllLines(this.postgresPidFile).getFirst().strip());
			total = total.plus(cpu(postmaster));
			for (ProcessHandle backend : ProcessHandle.of(postmaster)
				.map(process -> process.descendants().toList())
				.orElse(List.of())) {
				total = total.plus(backend.info().totalCpuDuration().orElse(Duration.ZERO));
			}
		}
		return total;
	}

	private static Duration cpu(long pid) {
		return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
	}

}
