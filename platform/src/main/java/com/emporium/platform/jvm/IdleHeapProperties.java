package com.emporium.platform.jvm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code emporium.jvm.idle-heap-trim.*}: when a service gives heap memory back to the system.
 *
 * @param enabled whether it does (only under the serial collector, the launcher's default)
 * @param interval how often it looks, and the span over which it measures being idle
 * @param minGrowth the least a collection must be expected to give back: how much more the old
 * generation holds (live or not) than after the last collection this asked for (before the
 * first: all it holds), or how much more room it has than {@code maxFreeRatio} keeps
 * @param maxCpu the most CPU the process may have used over the interval to count as idle, as a
 * share of one core
 * @param maxFreeRatio the most of the old generation (percent) the idle collection leaves free: it
 * runs with {@code MaxHeapFreeRatio} lowered to this (and {@code MinHeapFreeRatio} to 0), then puts
 * both back, so the heap a busy service grows into is unchanged
 */
@ConfigurationProperties("emporium.jvm.idle-heap-trim")
public record IdleHeapProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
		@DefaultValue("8MB") DataSize minGrowth, @DefaultValue("0.1") double maxCpu,
		@DefaultValue("5") int maxFreeRatio) {

	public IdleHeapProperties {
		if (!interval.isPositive()) {
			throw new IllegalArgumentException("emporium.jvm.idle-heap-trim.interval must be positive, was " + interval);
		}
		if (minGrowth.isNegative()) {
			throw new IllegalArgumentException(
					"emporium.jvm.idle-heap-trim.min-growth must not be negative, was " + minGrowth);
		}
		if (!(maxCpu > 0 && maxCpu <= 1)) {
			throw new IllegalArgumentException(
					"emporium.jvm.idle-heap-trim.max-cpu must be above 0 and at most 1, was " + maxCpu);
		}
		if (maxFreeRatio < 0 || maxFreeRatio > 100) {
			throw new IllegalArgumentException(
					"emporium.jvm.idle-heap-trim.max-free-ratio must be 0 to 100 (percent), was " + maxFreeRatio);
		}
	}

}
