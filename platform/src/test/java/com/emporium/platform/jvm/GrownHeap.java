package com.emporium.platform.jvm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * Run in its own JVM by {@link IdleHeapTrimmerTests}, under the serial collector: grows the old
 * generation by holding about 96 MiB across young collections (40 of them for good), lets the rest
 * go, idles, and prints what the next idle check did: {@code collected=<bool> before=<bytes>
 * after=<bytes> used=<bytes> ratios=<MaxHeapFreeRatio>/<MinHeapFreeRatio>}.
 */
public final class GrownHeap {

	/** What stays live: the old generation cannot shrink below what it holds. */
	private static final List<byte[]> kept = new ArrayList<>();

	private GrownHeap() {
	}

	public static void main(String[] args) throws Exception {
		boolean grow = Boolean.parseBoolean(args[0]);
		IdleHeapTrimmer trimmer = IdleHeapTrimmer
			.forThisJvm(new IdleHeapProperties(true, Duration.ofSeconds(1), DataSize.ofMegabytes(16), 1.0, 5))
			.orElseThrow(() -> new IllegalStateException("not the serial collector"));
		System.gc();
		trimmer.check();
		if (grow) {
			List<byte[]> held = new ArrayList<>();
			for (int i = 0; i < 96 * 16; i++) {
				(i % 12 < 5 ? kept : held).add(new byte[64 * 1024]);
			}
			System.out.println("held=" + held.size());
			held.clear();
		}
		// Idle for a while, so that the share of a core used since the first look is low.
		Thread.sleep(2_000);
		long before = tenured().getCommitted();
		boolean collected = trimmer.check();
		var options = java.lang.management.ManagementFactory
			.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
		System.out.println("collected=" + collected + " before=" + before + " after=" + tenured().getCommitted()
				+ " used=" + tenured().getUsed() + " ratios=" + options.getVMOption(IdleHeapTrimmer.MAX_FREE).getValue()
				+ "/" + options.getVMOption(IdleHeapTrimmer.MIN_FREE).getValue() + " kept=" + kept.size());
	}

	private static java.lang.management.MemoryUsage tenured() {
		return java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getName().equals(IdleHeapTrimmer.TENURED))
			.findFirst()
			.orElseThrow()
			.getUsage();
	}

}
