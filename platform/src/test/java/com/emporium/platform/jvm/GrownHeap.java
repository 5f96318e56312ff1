package com.emporium.platform.jvm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * Run in its own JVM by {@link IdleHeapTrimmerTests}, under the serial collector: grows the old
 * generation by holding about 96 MiB across young collections, lets it go, idles, and prints what
 * the next idle check did: {@code collected=<bool> before=<bytes> after=<bytes>}.
 */
public final class GrownHeap {

	private GrownHeap() {
	}

	public static void main(String[] args) throws Exception {
		boolean grow = Boolean.parseBoolean(args[0]);
		IdleHeapTrimmer trimmer = IdleHeapTrimmer
			.forThisJvm(new IdleHeapProperties(true, Duration.ofSeconds(1), DataSize.ofMegabytes(16), 1.0))
			.orElseThrow(() -> new IllegalStateException("not the serial collector"));
		System.gc();
		trimmer.check();
		if (grow) {
			List<byte[]> held = new ArrayList<>();
			for (int i = 0; i < 96 * 16; i++) {
				held.add(new byte[64 * 1024]);
			}
			System.out.println("held=" + held.size());
			held.clear();
		}
		// Idle for a while, so that the share of a core used since the first look is low.
		Thread.sleep(2_000);
		long before = oldCommitted();
		boolean collected = trimmer.check();
		System.out.println("collected=" + collected + " before=" + before + " after=" + oldCommitted());
	}

	private static long oldCommitted() {
		return java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getName().equals(IdleHeapTrimmer.TENURED))
			.findFirst()
			.orElseThrow()
			.getUsage()
			.getCommitted();
	}

}
