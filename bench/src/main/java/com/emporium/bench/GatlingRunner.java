package com.emporium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Simulation;

/**
 * Runs one phase of a Gatling simulation in its own JVM and reads its figures: those of the requests
 * named after the phase's mode, i.e. the measured seconds after the simulation's {@link LeadIn}.
 * Every {@code -Dbench.*} property of this JVM is passed on, plus the phase's target, mode and
 * duration.
 */
final class GatlingRunner {

	/** A row of a report page's statistics table: its title, then its total, OK and KO cells. */
	private static final Pattern STATS_ROW = Pattern.compile("<td class=\"title\">([^<]*)</td>\\s*"
			+ "<td class=\"total\">([^<]*)</td>\\s*<td class=\"ok\">([^<]*)</td>\\s*<td class=\"ko\">([^<]*)</td>");

	private GatlingRunner() {
	}

	/**
	 * The figures of one phase's measured requests.
	 * @param ok answered as the check expects
	 * @param failed the others
	 * @param p50 of the ok ones, in ms
	 * @param p99 of the ok ones, in ms
	 * @param throughput measured requests per second
	 * @param sent every request of the run, its lead-in's too (what the fleet's CPU was spent on)
	 */
	record Summary(long ok, long failed, long p50, long p99, double throughput, long sent) {

		/**
		 * Runs of equal length taken together: counts summed, throughput averaged, and the median of
		 * their p50s and of their p99s (Gatling's logs do not keep the latencies to merge them).
		 */
		static Summary of(List<Summary> runs) {
			return new Summary(runs.stream().mapToLong(Summary::ok).sum(), runs.stream().mapToLong(Summary::failed).sum(),
					median(runs.stream().mapToLong(Summary::p50).sorted().toArray()),
					median(runs.stream().mapToLong(Summary::p99).sorted().toArray()),
					runs.stream().mapToDouble(Summary::throughput).average().orElse(0),
					runs.stream().mapToLong(Summary::sent).sum());
		}

		private static long median(long[] sorted) {
			return (sorted.length == 0) ? 0 : sorted[(sorted.length - 1) / 2];
		}

	}

	/** A warm-up of the fleet: a phase without a lead-in, whose figures are not read. */
	static void warmUp(Class<? extends Simulation> simulation, Path var, String phase, String target, String mode,
			long seconds, String... extraProperties) throws Exception {
		String[] properties = Arrays.copyOf(extraProperties, extraProperties.length + 1);
		properties[extraProperties.length] = "bench.leadInSeconds=0";
		start(simulation, var, phase, target, mode, seconds, properties);
	}

	/** A measured phase: its lead-in, then {@code seconds} of requests named {@code mode}. */
	static Summary run(Class<? extends Simulation> simulation, Path var, String phase, String target, String mode,
			long seconds, String... extraProperties) throws Exception {
		Path log = start(simulation, var, phase, target, mode, seconds, extraProperties);
		Map<String, String[]> global = globalInformation(Files.readAllLines(log));
		Map<String, String[]> measured = requestStats(var.resolve("gatling").resolve(phase), mode);
		long ok = number(measured, "Total count", 1);
		long failed = number(measured, "Total count", 2);
		return new Summary(ok, failed, number(measured, "50th percentile", 1), number(measured, "99th percentile", 1),
				(ok + failed) / (double) seconds, number(global, "request count", 0));
	}

	private static Path start(Class<? extends Simulation> simulation, Path var, String phase, String target,
			String mode, long seconds, String... extraProperties) throws Exception {
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
		return log;
	}

	/**
	 * The closing "Global Information" block Gatling prints (every request of the run), by row:
	 * the total, OK and KO cells.
	 */
	private static Map<String, String[]> globalInformation(List<String> lines) {
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
				rows.put(cells[0].strip(), Arrays.copyOfRange(cells, 1, cells.length));
			}
		}
		return rows;
	}

	/**
	 * One request's statistics table, by row (the total, OK and KO cells), from its page of the HTML
	 * report: Gatling 3.14 writes no stats file, and prints per-request figures nowhere else.
	 */
	private static Map<String, String[]> requestStats(Path results, String request) throws IOException {
		String title = "<title>Gatling Stats - " + request + "</title>";
		try (Stream<Path> files = Files.walk(results)) {
			for (Path page : files.filter(file -> file.getFileName().toString().startsWith("req_")).toList()) {
				String html = Files.readString(page);
				if (html.contains(title)) {
					Map<String, String[]> rows = new TreeMap<>();
					Matcher row = STATS_ROW.matcher(html);
					while (row.find()) {
						rows.putIfAbsent(row.group(1).strip(),
								new String[] { row.group(2), row.group(3), row.group(4) });
					}
					return rows;
				}
			}
		}
		throw new IllegalStateException("No report page for the requests named " + request + " under " + results);
	}

	/** A cell with no request in it (no OK, or no KO) reads "-". */
	private static double decimal(String cell) {
		String value = cell.strip().replace(",", "");
		return value.equals("-") ? 0 : Double.parseDouble(value);
	}

	private static long number(Map<String, String[]> rows, String row, int column) {
		String[] cells = rows.get(row);
		if (cells == null) {
			throw new IllegalStateException("Gatling reported no row '" + row + "'");
		}
		return (long) decimal(cells[column]);
	}

}
