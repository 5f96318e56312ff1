package com.emporium.recommendation.training;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.emporium.recommendation.training.ModelVersion.ModelMetrics;

/**
 * Whether a candidate replaces the active version: its NDCG@10 of {@code personalised} (the hybrid
 * as served to known shoppers; without it, the best model measured) must not be worse than the
 * active version's by more than {@code tolerance}, relative. The first version always passes:
 * there is nothing to compare. A candidate that could not be measured (too little data) passes only
 * when the active version could not be measured either; it cannot prove itself against a measured
 * one.
 */
final class Gate {

	static final String PERSONALISED = "personalised";

	private Gate() {
	}

	/**
	 * @param candidate the candidate's metrics (empty: not evaluated)
	 * @param active the active version, or null if none
	 * @param tolerance -1 to 1
	 */
	static Decision decide(List<ModelMetrics> candidate, @Nullable ModelVersion active, double tolerance) {
		if (active == null) {
			return new Decision(true, "activated: the first version, nothing to compare with");
		}
		Optional<Score> theirs = score(active.metrics());
		Optional<Score> ours = score(candidate);
		if (ours.isEmpty()) {
			return theirs.isEmpty()
					? new Decision(true,
							"activated: neither this nor the active version %d could be evaluated (too little data)"
								.formatted(active.version()))
					: new Decision(false, "rejected: not evaluated (too little data), so not comparable with the "
							+ "active version %d".formatted(active.version()));
		}
		if (theirs.isEmpty()) {
			return new Decision(true, "activated: %s; the active version %d was not evaluated"
				.formatted(ours.get(), active.version()));
		}
		double floor = theirs.get().ndcg() * (1 - tolerance);
		String comparison = "%s against %s of the active version %d (tolerance %s)".formatted(ours.get(), theirs.get(),
				active.version(), percent(tolerance));
		return (ours.get().ndcg() >= floor) ? new Decision(true, "activated: " + comparison)
				: new Decision(false, "rejected: " + comparison);
	}

	/** The figure the gate compares: personalised NDCG, else the best NDCG measured. */
	static Optional<Score> score(List<ModelMetrics> metrics) {
		return metrics.stream()
			.filter(m -> PERSONALISED.equals(m.model()))
			.findFirst()
			.or(() -> metrics.stream().max((a, b) -> Double.compare(a.ndcg(), b.ndcg())))
			.map(m -> new Score(m.model(), m.ndcg()));
	}

	private static String percent(double tolerance) {
		return String.format(Locale.ROOT, "%.1f%%", tolerance * 100);
	}

	/** @param model which model's NDCG@10 */
	record Score(String model, double ndcg) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s NDCG@10 %.4f", this.model, this.ndcg);
		}

	}

	/** @param activate whether the candidate becomes the active version */
	record Decision(boolean activate, String reason) {
	}

}
