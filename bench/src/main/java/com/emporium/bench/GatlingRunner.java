package com.emporium.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.gatling.javaapi.core.Simulation;

/**
 * Runs one phase of a Gatling simulation in its own JVM and reads its summary. Every
 * {@code -Dbench.*} property of this JVM is passed on, plus the phase's target, mode and duration.
 */
final class GatlingRunner {

	private GatlingRunner() {
	}

	/** Gatling's closing summary of one phase. */
	record Summary(long ok, long failed, long p50, long p99, double throughput) {

		/**
		 * Runs of equal length taken together: counts summed, throughput averaged, and the median of
		 * their p50s and of their p99s (Gatling's logs do not keep the latencies to merge them).
		 */
		static Summary of(List<Summary> runs) {
			return new Summary(runs.stream().mapToLong(Summary::ok).sum(), runs.stream().mapToLong(Summary::failed).sum(),
					median(runs.stream().mapToLong(Summary::p50).sorted().toArray()),
					median(runs.stream().mapToLong(Summary::p99).sorted().toArray()),
					runs.stream().mapToDouble(Summary::throughput).average().orElse(0));
		}

		private static long median(long[] sorted) {
			return (sorted.length == 0) ? 0 : sorted[(sorted.length - 1) / 2];
		}

	}

	static Summary run(Class<? extends Simulation> simulation, Path var, String phase, String target, String mode,
			long seconds, String... extraProperties) throws Exception {
		Path results = var.resolve("gatling").resolve(phase);
		Files.createDirectories(results);
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx512m", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp",
				System.getProperty("java.class.path")));
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter(name -> name.startsWith("bench."))
			.forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
		for (String property : extraProperties) {
			command.add("-D" + property);
		}
		command.addAll(List.of("-Dbench.target=" + target, "-Dbench.mode=" + mode, "-Dbench.seconds=" + seconds,
				"io.gatling.app.Gatling", "-s", simulation.getName(), "-rf", results.toString(), "-rd", phase));
		Path log = results.resolve("gatling.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("Gatling failed in phase " + phase + "; see " + log);
		}
		// Gatling 3.14 writes no stats file: read the closing "Global Information" block it prints.
		List<String> lines = Files.readAllLines(log);
		int from = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains("Global Information")) {
				from = i;
			}
		}
		Map<String, String[]> rows = new TreeMap<>();
		for (String line : lines.subList(from, lines.size())) {
			if (line.startsWith("> ")) {
				String[] cells = line.substring(2).split("\\|");
				rows.put(cells[0].strip(), cells);
			}
		}
		return new Summary(number(rows, "request count", 2), number(rows, "request count", 3),
				number(rows, "response time 50th percentile (ms)", 2),
				number(rows, "response time 99th percentile (ms)", 2),
				decimal(rows.get("mean throughput (rps)")[2]));
	}

	/** A column with no request in it (no OK, or no KO) reads "-". */
	private static double decimal(String cell) {
		String value = cell.strip().replace(",", "");
		return value.equals("-") ? 0 : Double.parseDouble(value);
	}

	private static long number(Map<String, String[]> rows, String row, int column) {
		String cell = rows.get(row)[column].strip().replace(",", "");
		return cell.equals("-") ? 0 : Long.parseLong(cell);
	}

}
