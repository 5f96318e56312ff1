package com.emporium.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recommendation engine's figures, printed: the offline evaluation of every model and the three
 * baselines on the development file of {@code ../shared/data/} cut at 2011-06-01, with items
 * already bought allowed and excluded, and the margin of the personalised model over the best
 * baseline; then a full retrain on the whole file, its time and peak heap, at two heap limits.
 * Runs the service's own jar ({@code ./emporium evaluate}), so the figures are the training runs'.
 * Run with {@code bench/run recommendations}.
 */
public final class RecommendationBench {

	private static final Pattern ROW = Pattern.compile("\\{\"model\":\"([^\"]+)\",\"baseline\":(true|false),"
			+ "\"hr\":([0-9.]+),\"ndcg\":([0-9.]+),\"precision\":([0-9.]+),\"recall\":([0-9.]+),"
			+ "\"coverage\":([0-9.]+),\"trainingSeconds\":([0-9.]+)\\}");

	private static final Pattern SETTING = Pattern.compile("\"(allowed|excluded)\":\\[(.*?)\\]");

	private RecommendationBench() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
		Path data = Path.of(System.getProperty("bench.data",
				root.resolveSibling("shared").resolve("data/online-retail/transactions-dev.csv.gz").toString()));
		String cut = System.getProperty("bench.cut", "2011-06-01");
		if (!Files.isReadable(data)) {
			throw new IllegalStateException("No transactions file at " + data + " (set -Dbench.data)");
		}
		System.out.printf("Emporium recommendation bench on %d cores, %s %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.version"));
		System.out.printf("%n== Offline evaluation: %s, cut %s, K=10, whole catalogue ranked%n", data.getFileName(),
				cut);
		String json = run(root, "-Xmx2g", "--file", data.toString(), "--cut", cut, "--json");
		Matcher setting = SETTING.matcher(json);
		while (setting.find()) {
			printSetting(setting.group(1), setting.group(2));
		}
		System.out.printf("%n== Full retrain on the whole file (what a training run trains and serves)%n");
		for (String heap : List.of("-Xmx1g", "-Xmx512m")) {
			System.out.printf("%-9s %s", heap, run(root, heap, "--file", data.toString(), "--retrain"));
		}
	}

	private static void printSetting(String name, String rows) {
		System.out.printf("%nItems already bought %s%n", name);
		System.out.printf("%-20s %8s %8s %8s %8s %8s %9s%n", "model", "HR@10", "NDCG@10", "P@10", "R@10", "Cov@10",
				"train s");
		Map<String, double[]> byModel = new LinkedHashMap<>();
		List<String> baselines = new ArrayList<>();
		Matcher row = ROW.matcher(rows);
		while (row.find()) {
			double[] m = new double[6];
			for (int i = 0; i < 6; i++) {
				m[i] = Double.parseDouble(row.group(3 + i));
			}
			byModel.put(row.group(1), m);
			if (Boolean.parseBoolean(row.group(2))) {
				baselines.add(row.group(1));
			}
			System.out.printf(Locale.ROOT, "%-20s %8.4f %8.4f %8.4f %8.4f %8.4f %9.2f%n",
					row.group(1) + (baselines.contains(row.group(1)) ? " (base)" : ""), m[0], m[1], m[2], m[3], m[4],
					m[5]);
		}
		double[] personalised = byModel.get("personalised");
		String best = baselines.stream()
			.max((a, b) -> Double.compare(byModel.get(a)[1], byModel.get(b)[1]))
			.orElseThrow();
		String bestHr = baselines.stream()
			.max((a, b) -> Double.compare(byModel.get(a)[0], byModel.get(b)[0]))
			.orElseThrow();
		double ndcgMargin = personalised[1] / byModel.get(best)[1] - 1;
		double hrMargin = personalised[0] / byModel.get(bestHr)[0] - 1;
		System.out.printf(Locale.ROOT,
				"personalised vs best baseline: NDCG@10 %+.1f%% (vs %s), HR@10 %+.1f%% (vs %s); target NDCG +10%%: %s%n",
				100 * ndcgMargin, best, 100 * hrMargin, bestHr, (ndcgMargin >= 0.10 && hrMargin > 0) ? "met" : "NOT met");
	}

	/** Runs {@code ./emporium evaluate} with the given heap and arguments, returns its output. */
	private static String run(Path root, String heap, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(root.resolve("emporium").toString(), "evaluate"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(false);
		builder.environment().put("EMPORIUM_EVALUATE_OPTS", heap);
		Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		if (exit != 0) {
			throw new IllegalStateException("./emporium evaluate exited with " + exit + ": " + out);
		}
		return out;
	}

}
