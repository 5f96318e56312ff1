package com.emporium.platform.jvm;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.tasks.Periodic;

/**
 * Gives heap memory back to the system once the service is idle, as the JDK's G1 does with
 * {@code G1PeriodicGCInterval} (JEP 346), for the serial collector that the launcher runs every
 * service with.
 * <p>
 * The serial collector grows the old generation when a burst of work promotes objects into it (a
 * password hash's 19 MiB, a catalog import, a training run), but shrinks it only at a full
 * collection, which an idle service never has, and a full collection in the middle of the burst
 * keeps room for what the burst still held: the memory stays resident. So every {@code interval}
 * this looks at the old generation, and when the process used at most {@code maxCpu} of a core over
 * the interval, it asks for a full collection ({@code System.gc()}), after which the old generation
 * keeps at most {@code maxFreeRatio} (5%) free, if that collection would give back at least
 * {@code minGrowth}: because what the old generation holds (live or not) has grown by that much
 * since this last collected it (before that, all it holds: the start's garbage), or because it has
 * that much more room than {@code maxFreeRatio} allows even if all it holds were live. That
 * collection runs with the JVM's {@code MaxHeapFreeRatio} (the launcher's: 25%) lowered to
 * {@code maxFreeRatio}, and {@code MinHeapFreeRatio} to 0; both are put back at once, so under load
 * the heap grows as before (the old generation expands when a young collection promotes more than
 * it has room for, without a full collection). The pause (tens of milliseconds for these heaps) falls when nothing is being served; a busy service is never
 * interrupted, and a heap that did not grow is not collected again. Under any other collector
 * this does nothing.
 */
public final class IdleHeapTrimmer extends Periodic {

	private static final Logger log = LoggerFactory.getLogger(IdleHeapTrimmer.class);

	static final String MAX_FREE = "MaxHeapFreeRatio";

	static final String MIN_FREE = "MinHeapFreeRatio";

	/** The serial collector's old generation. */
	static final String TENURED = "Tenured Gen";

	private final IdleHeapProperties properties;

	private final Probe probe;

	private @Nullable Reading last;

	/** What the old generation held after this last collected it; 0 until it has collected. */
	private long baseline;

	IdleHeapTrimmer(IdleHeapProperties properties, Probe probe) {
		// The first look at once: what the old generation holds at start is the baseline.
		super("idle-heap-trim", Duration.ZERO, properties.interval());
		this.properties = properties;
		this.probe = probe;
	}

	/**
	 * @param properties when to trim
	 * @return a trimmer for this JVM, or empty when it does not run the serial collector
	 */
	public static Optional<IdleHeapTrimmer> forThisJvm(IdleHeapProperties properties) {
		return JvmProbe.find().map(probe -> new IdleHeapTrimmer(properties, probe));
	}

	/**
	 * Looks once, as the schedule does.
	 * @return whether it asked for a full collection
	 */
	public synchronized boolean check() {
		Reading now = this.probe.read();
		Reading previous = this.last;
		this.last = now;
		if (previous == null) {
			// Nothing known to be live yet: the start's own garbage (configuration, migrations, the
			// first requests) counts as growth, so the first idle moment after start collects it.
			this.baseline = 0;
			return false;
		}
		long grown = now.oldUsed() - this.baseline;
		int maxFree = Math.min(this.properties.maxFreeRatio(), this.probe.maxHeapFreeRatio());
		long spare = (maxFree >= 100) ? 0 : now.oldCommitted() - now.oldUsed() * 100 / (100 - maxFree);
		double cpu = (double) (now.cpuNanos() - previous.cpuNanos()) / Math.max(1, now.atNanos() - previous.atNanos());
		long minimum = this.properties.minGrowth().toBytes();
		if (cpu > this.properties.maxCpu() || (grown < minimum && spare < minimum)) {
			return false;
		}
		this.probe.collect(maxFree);
		Reading after = this.probe.read();
		this.last = after;
		this.baseline = after.oldUsed();
		log.info("Idle: heap given back after a full collection oldGenerationMiB={}->{} cpuShare={}",
				now.oldCommitted() >> 20, after.oldCommitted() >> 20, String.format("%.3f", cpu));
		return true;
	}

	@Override
	protected void runOnce() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			log.warn("Idle heap check failed reason={}", ex.toString());
		}
	}

	/**
	 * @param oldCommitted the old generation's committed bytes now
	 * @param oldUsed what it holds now, live or not: only a full collection brings it down
	 * @param cpuNanos the CPU time the process has used
	 * @param atNanos when this was read ({@link System#nanoTime()})
	 */
	record Reading(long oldCommitted, long oldUsed, long cpuNanos, long atNanos) {
	}

	/** What the trimmer reads and does: the running JVM's, or a test's. */
	interface Probe {

		Reading read();

		/** The JVM's {@code MaxHeapFreeRatio}: the most of the heap a full collection leaves free. */
		int maxHeapFreeRatio();

		/** A full collection that leaves at most {@code maxFreeRatio} percent of the heap free. */
		void collect(int maxFreeRatio);

	}

	/** The running JVM, read through its management beans. */
	private record JvmProbe(MemoryPoolMXBean tenured, com.sun.management.OperatingSystemMXBean os,
			HotSpotDiagnosticMXBean options, int maxHeapFreeRatio, int minHeapFreeRatio) implements Probe {

		static Optional<Probe> find() {
			if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) {
				return Optional.empty();
			}
			HotSpotDiagnosticMXBean options = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			return ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter(pool -> pool.getName().equals(TENURED))
				.findFirst()
				.map(tenured -> new JvmProbe(tenured, os, options, intOption(options, MAX_FREE),
						intOption(options, MIN_FREE)));
		}

		private static int intOption(HotSpotDiagnosticMXBean options, String name) {
			return Integer.parseInt(options.getVMOption(name).getValue());
		}

		@Override
		public Reading read() {
			var usage = this.tenured.getUsage();
			return new Reading(usage.getCommitted(), usage.getUsed(), this.os.getProcessCpuTime(), System.nanoTime());
		}

		@Override
		@SuppressWarnings("java:S1215") // the point: a full collection, at an idle moment
		public void collect(int maxFreeRatio) {
			if (maxFreeRatio >= this.maxHeapFreeRatio) {
				System.gc();
				return;
			}
			// Both are manageable flags; the JVM keeps Min <= Max, so lower Min first, raise Max first.
			this.options.setVMOption(MIN_FREE, "0");
			this.options.setVMOption(MAX_FREE, Integer.toString(maxFreeRatio));
			try {
				System.gc();
			}
			finally {
				this.options.setVMOption(MAX_FREE, Integer.toString(this.maxHeapFreeRatio));
				this.options.setVMOption(MIN_FREE, Integer.toString(this.minHeapFreeRatio));
			}
		}

	}

}
