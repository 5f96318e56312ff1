package com.emporium.recommendation.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains and evaluates every model on a transactions file, without the fleet: {@code --file
 * <csv[.gz]> --cut <yyyy-MM-dd> [--end <yyyy-MM-dd>] [--json] [--k 10] [--setting
 * allowed|excluded|both]}. Prints one table per setting (model, HR@K, NDCG@K, precision@K,
 * recall@K, coverage@K, training seconds), or the same as JSON. {@code --retrain} instead trains
 * the served {@link Recommender} on the whole file, as a training run does, and prints its time,
 * the peak heap and the model's size.
 */
public final class OfflineEvaluationCommand {

	private OfflineEvaluationCommand() {
	}

	/** Held so that the level stays set: JUL keeps loggers weakly. */
	private static final java.util.logging.Logger TRIBUO = java.util.logging.Logger.getLogger("org.tribuo");

	public static void main(String[] args) throws IOException {
		// Tribuo logs every training epoch at INFO through java.util.logging.
		TRIBUO.setLevel(java.util.logging.Level.WARNING);
		Map<String, String> options = new HashMap<>();
		boolean json = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--json" -> json = true;
				case "--retrain" -> options.put("--retrain", "true");
				case "--file", "--cut", "--end", "--k", "--setting", "--zone" -> {
					if (i + 1 >= args.length) {
						usage("missing value of " + args[i]);
					}
					options.put(args[i], args[++i]);
				}
				case "--help", "-h" -> usage(null);
				default -> usage("unknown option " + args[i]);
			}
		}
		Path file = Path.of(options.getOrDefault("--file", ""));
		if (!Files.isReadable(file)) {
			usage("--file must name a readable transactions file, was '" + file + "'");
		}
		ZoneId zone = ZoneId.of(options.getOrDefault("--zone", "Europe/London"));
		Instant cut = LocalDate.parse(options.getOrDefault("--cut", "2011-06-01")).atStartOfDay(zone).toInstant();
		if (options.containsKey("--retrain")) {
			retrain(file, zone);
			return;
		}
		int k = parsePositive(options.getOrDefault("--k", "10"), "--k");
		String setting = options.getOrDefault("--setting", "both");
		long started = System.nanoTime();
		TransactionsCsv.Transactions transactions = TransactionsCsv.read(file, zone);
		Instant end = options.containsKey("--end")
				? LocalDate.parse(options.get("--end")).atStartOfDay(zone).toInstant() : Instant.MAX;
		TimeSplit split = TimeSplit.of(transactions.purchases(), cut, end, 2);
		// The catalogue ranked is every item bought before the cut.
		Map<String, ItemInfo> catalog = new HashMap<>();
		for (Interaction purchase : split.train()) {
			catalog.putIfAbsent(purchase.item(), transactions.catalog().getOrDefault(purchase.item(),
					new ItemInfo(purchase.item(), "", null, List.of())));
		}
		Evaluation evaluation = new Evaluation(split, catalog, InteractionWeights.defaults(), k);
		PrintStream out = System.out;
		StringBuilder jsonOut = new StringBuilder("{\"file\":\"" + file + "\",\"cut\":\"" + cut + "\",\"k\":" + k
				+ ",\"purchases\":" + transactions.purchases().size() + ",\"testUsers\":" + split.truth().size()
				+ ",\"settings\":{");
		if (!json) {
			out.printf(Locale.ROOT, "%s: %,d rows, %,d purchases; cut %s: %,d train purchases, %,d test customers%n",
					file.getFileName(), transactions.rows(), transactions.purchases().size(), cut,
					split.train().size(), split.truth().size());
		}
		boolean first = true;
		for (boolean exclude : settings(setting)) {
			List<Metrics> results = evaluation.run(EngineSettings.defaults().withExcludeBought(exclude));
			String name = exclude ? "excluded" : "allowed";
			if (json) {
				jsonOut.append(first ? "" : ",").append('"').append(name).append("\":[");
				for (int i = 0; i < results.size(); i++) {
					Metrics m = results.get(i);
					jsonOut.append(i == 0 ? "" : ",")
						.append(String.format(Locale.ROOT,
								"{\"model\":\"%s\",\"baseline\":%b,\"hr\":%.4f,\"ndcg\":%.4f,\"precision\":%.4f,"
										+ "\"recall\":%.4f,\"coverage\":%.4f,\"trainingSeconds\":%.2f}",
								m.model(), Evaluation.BASELINES.contains(m.model()), m.hitRate(), m.ndcg(),
								m.precision(), m.recall(), m.coverage(), m.trainingSeconds()));
				}
				jsonOut.append(']');
				first = false;
			}
			else {
				out.printf(Locale.ROOT, "%nItems already bought %s (K=%d)%n", name, k);
				out.printf(Locale.ROOT, "%-18s %8s %8s %8s %8s %8s %9s%n", "model", "HR@" + k, "NDCG@" + k, "P@" + k,
						"R@" + k, "Cov@" + k, "train s");
				for (Metrics m : results) {
					out.printf(Locale.ROOT, "%-18s %8.4f %8.4f %8.4f %8.4f %8.4f %9.2f%n",
							m.model() + (Evaluation.BASELINES.contains(m.model()) ? " (b)" : ""), m.hitRate(),
							m.ndcg(), m.precision(), m.recall(), m.coverage(), m.trainingSeconds());
				}
			}
		}
		if (json) {
			out.println(jsonOut.append("}}"));
		}
		else {
			out.printf(Locale.ROOT, "%n(b) = baseline. Total %.1f s.%n", (System.nanoTime() - started) / 1e9);
		}
	}

	/** Trains what a training run serves, on every purchase of the file, and reports its cost. */
	private static void retrain(Path file, ZoneId zone) throws IOException {
		TransactionsCsv.Transactions transactions = TransactionsCsv.read(file, zone);
		Instant end = transactions.purchases()
			.stream()
			.map(Interaction::at)
			.max(Instant::compareTo)
			.orElseThrow(() -> new IOException("No purchase in " + file))
			.plusSeconds(1);
		System.gc();
		for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory
			.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long started = System.nanoTime();
		Recommender recommender = Recommender.train(transactions.purchases(), transactions.catalog(), end,
				EngineSettings.defaults(), InteractionWeights.defaults());
		double seconds = (System.nanoTime() - started) / 1e9;
		long peak = 0;
		for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory
			.getMemoryPoolMXBeans()) {
			if (pool.getType() == java.lang.management.MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		ModelFiles.write(recommender, bytes);
		System.out.printf(Locale.ROOT,
				"full retrain: %.1f s, peak heap %d MiB (-Xmx %d MiB), %,d purchases, %,d users, %,d items, "
						+ "model file %,d KiB%s%n",
				seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, transactions.purchases().size(),
				recommender.userCount(), recommender.itemCount(), bytes.size() >> 10,
				recommender.personalisedFailure().map((why) -> "; personalised skipped: " + why).orElse(""));
	}

	private static int parsePositive(String value, String option) {
		try {
			int parsed = Integer.parseInt(value);
			if (parsed > 0) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		usage(option + " must be a whole number above 0, was " + value);
		return 0;
	}

	private static boolean[] settings(String setting) {
		return switch (setting) {
			case "allowed" -> new boolean[] { false };
			case "excluded" -> new boolean[] { true };
			case "both" -> new boolean[] { false, true };
			default -> {
				usage("--setting must be allowed, excluded or both, was " + setting);
				yield new boolean[0];
			}
		};
	}

	private static void usage(String error) {
		PrintStream out = (error != null) ? System.err : System.out;
		if (error != null) {
			out.println("error: " + error);
		}
		out.println("usage: evaluate --file <transactions.csv[.gz]> [--cut yyyy-MM-dd] [--end yyyy-MM-dd] [--k 10] "
				+ "[--setting allowed|excluded|both] [--zone Europe/London] [--json] | --file <f> --retrain");
		System.exit((error != null) ? 2 : 0);
	}

}
