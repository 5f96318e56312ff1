package com.emporium.platform.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class IdleHeapTrimmerTests {

	private static final long MIB = 1 << 20;

	private static final IdleHeapProperties SETTINGS = new IdleHeapProperties(true, Duration.ofSeconds(30),
			DataSize.ofMegabytes(16), 0.1, 5);

	@Test
	void aServiceThatIsIdleAfterItsOldGenerationGrewIsCollectedOnceAndNotAgain() {
		ScriptedJvm jvm = new ScriptedJvm();
		IdleHeapTrimmer trimmer = new IdleHeapTrimmer(SETTINGS, jvm);
		jvm.next(60 * MIB, 40 * MIB, 0);
		assertThat(trimmer.check()).as("the first look only measures").isFalse();
		jvm.next(100 * MIB, 90 * MIB, 1_000_000_000L);
		jvm.afterCollection(60 * MIB, 45 * MIB, 1_050_000_000L);
		assertThat(trimmer.check()).isTrue();
		assertThat(jvm.collections).isOne();
		jvm.next(60 * MIB, 50 * MIB, 1_100_000_000L);
		assertThat(trimmer.check()).as("it grew by 5 MiB since").isFalse();
		jvm.next(80 * MIB, 62 * MIB, 1_150_000_000L);
		jvm.afterCollection(60 * MIB, 45 * MIB, 1_200_000_000L);
		assertThat(trimmer.check()).as("17 MiB more than after the last collection").isTrue();
		assertThat(jvm.collections).isEqualTo(2);
	}

	@Test
	void aHeapThatAFullCollectionDuringTheBurstLeftLargeIsStillGivenBack() {
		ScriptedJvm jvm = new ScriptedJvm();
		IdleHeapTrimmer trimmer = new IdleHeapTrimmer(SETTINGS, jvm);
		jvm.next(50 * MIB, 30 * MIB, 0);
		trimmer.check();
		// An import: a full collection in the middle of it grew the old generation to 140 MiB; it
		// holds 40 MiB now, only 10 more than at start, but 140 is 87 more than 40 needs.
		jvm.next(140 * MIB, 40 * MIB, 20_000_000_000L);
		assertThat(trimmer.check()).as("busy").isFalse();
		jvm.next(140 * MIB, 40 * MIB, 20_500_000_000L);
		jvm.afterCollection(55 * MIB, 40 * MIB, 20_600_000_000L);
		assertThat(trimmer.check()).isTrue();
		jvm.next(55 * MIB, 41 * MIB, 20_700_000_000L);
		assertThat(trimmer.check()).as("no more room than MaxHeapFreeRatio keeps").isFalse();
		assertThat(jvm.collections).isOne();
	}

	@Test
	void anIdleHeapIsCollectedDownToLessRoomThanABusyOneKeeps() {
		ScriptedJvm jvm = new ScriptedJvm();
		IdleHeapTrimmer trimmer = new IdleHeapTrimmer(SETTINGS, jvm);
		jvm.next(70 * MIB, 50 * MIB, 0);
		trimmer.check();
		// 50 MiB held in 70: MaxHeapFreeRatio (25%) allows 67 MiB, the idle ratio (5%) 53.
		jvm.next(70 * MIB, 50 * MIB, 100_000_000L);
		jvm.afterCollection(53 * MIB, 50 * MIB, 150_000_000L);
		assertThat(trimmer.check()).isTrue();
		assertThat(jvm.maxFreeRatios).containsExactly(5);
	}

	@Test
	void aBusyServiceIsNotInterrupted() {
		ScriptedJvm jvm = new ScriptedJvm();
		IdleHeapTrimmer trimmer = new IdleHeapTrimmer(SETTINGS, jvm);
		jvm.next(60 * MIB, 40 * MIB, 0);
		trimmer.check();
		// 6 s of CPU in 30 s: a fifth of a core, twice the idle limit.
		jvm.next(100 * MIB, 90 * MIB, 6_000_000_000L);
		assertThat(trimmer.check()).isFalse();
		assertThat(jvm.collections).isZero();
	}

	@Test
	void theFirstIdleMomentAfterStartCollectsWhatTheStartLeftThenOnlyGrowth() {
		ScriptedJvm jvm = new ScriptedJvm();
		IdleHeapTrimmer trimmer = new IdleHeapTrimmer(SETTINGS, jvm);
		// Start-up filled the old generation (54 MiB in 54): how much of it is live is not known.
		jvm.next(54 * MIB, 54 * MIB, 0);
		assertThat(trimmer.check()).as("the first look only measures").isFalse();
		jvm.next(54 * MIB, 54 * MIB, 100_000_000L);
		jvm.afterCollection(46 * MIB, 44 * MIB, 300_000_000L);
		assertThat(trimmer.check()).as("idle: the start's garbage is collected").isTrue();
		jvm.next(46 * MIB, 55 * MIB, 400_000_000L);
		assertThat(trimmer.check()).as("11 MiB more than after that collection, under the 16 asked for").isFalse();
		assertThat(jvm.collections).isOne();
	}

	@Test
	void underTheSerialCollectorAGrownHeapIsGivenBackToTheSystem() throws Exception {
		Matcher grown = run("true");
		assertThat(grown.group(1)).isEqualTo("true");
		long before = Long.parseLong(grown.group(2));
		long after = Long.parseLong(grown.group(3));
		long used = Long.parseLong(grown.group(4));
		assertThat(before - after).as("old generation given back, of %d MiB", before / MIB).isGreaterThan(48 * MIB);
		assertThat(after).as("what it holds (%d MiB) and at most 5%% more", used / MIB)
			.isLessThanOrEqualTo(used * 100 / 95 + MIB);
		assertThat(grown.group(5)).as("MaxHeapFreeRatio and MinHeapFreeRatio, put back").isEqualTo("25/10");

		Matcher steady = run("false");
		assertThat(steady.group(1)).as("a heap that did not grow is not collected").isEqualTo("false");
	}

	@Test
	void theTrimmerRunsOnlyUnderTheSerialCollectorAndCanBeTurnedOff() {
		ApplicationContextRunner context = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EmporiumJvmAutoConfiguration.class));
		boolean serial = IdleHeapTrimmer.forThisJvm(SETTINGS).isPresent();
		context.run(started -> assertThat(started.getBeansOfType(IdleHeapTrimmer.class)).hasSize(serial ? 1 : 0));
		context.withPropertyValues("emporium.jvm.idle-heap-trim.enabled=false")
			.run(started -> assertThat(started.getBeansOfType(IdleHeapTrimmer.class)).isEmpty());
		context.withPropertyValues("emporium.jvm.idle-heap-trim.max-cpu=0")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("emporium.jvm.idle-heap-trim.max-cpu must be above 0"));
	}

	/** Runs {@link GrownHeap} in a JVM of its own, under the serial collector and the launcher's heap options. */
	private static Matcher run(String grow) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-Xmn20m", "-XX:MinHeapFreeRatio=10",
				"-XX:MaxHeapFreeRatio=25", "-XX:-ShrinkHeapInSteps", "-cp", System.getProperty("java.class.path"),
				GrownHeap.class.getName(), grow));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		Matcher matcher = Pattern.compile("collected=(\\w+) before=(\\d+) after=(\\d+) used=(\\d+) ratios=(\\d+/\\d+)").matcher(output);
		assertThat(matcher.find()).as(output).isTrue();
		return matcher;
	}

	/** A JVM whose readings the test writes. */
	private static final class ScriptedJvm implements IdleHeapTrimmer.Probe {

		private final Deque<IdleHeapTrimmer.Reading> readings = new ArrayDeque<>();

		private long clock;

		int collections;

		final List<Integer> maxFreeRatios = new ArrayList<>();

		void next(long oldCommitted, long oldUsed, long cpuNanos) {
			this.clock += 30_000_000_000L;
			this.readings.add(new IdleHeapTrimmer.Reading(oldCommitted, oldUsed, cpuNanos, this.clock));
		}

		void afterCollection(long oldCommitted, long oldUsed, long cpuNanos) {
			this.readings.add(new IdleHeapTrimmer.Reading(oldCommitted, oldUsed, cpuNanos, this.clock + 50_000_000L));
		}

		@Override
		public IdleHeapTrimmer.Reading read() {
			return this.readings.remove();
		}

		@Override
		public int maxHeapFreeRatio() {
			return 25;
		}

		@Override
		public void collect(int maxFreeRatio) {
			this.collections++;
			this.maxFreeRatios.add(maxFreeRatio);
		}

	}

}
