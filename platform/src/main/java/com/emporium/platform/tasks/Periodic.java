package com.emporium.platform.tasks;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Background work that runs every {@code interval} on a daemon thread of its own (named
 * {@code name}) while the application runs, and stops before the beans it needs (the database) go
 * away. Each run must catch what it can handle: an exception that escapes ends the schedule.
 */
public abstract class Periodic implements SmartLifecycle {

	private final String name;

	private final Duration initialDelay;

	private final Duration interval;

	private @Nullable ScheduledExecutorService scheduler;

	/** The first run one {@code interval} after the start. */
	protected Periodic(String name, Duration interval) {
		this(name, interval, interval);
	}

	protected Periodic(String name, Duration initialDelay, Duration interval) {
		this.name = name;
		this.initialDelay = initialDelay;
		this.interval = interval;
	}

	/** One run. */
	protected abstract void runOnce();

	/** After the schedule has stopped: a last run, for work that must not be left behind. None by default. */
	protected void afterStop() {
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(this.name).factory());
		executor.scheduleWithFixedDelay(this::runOnce, this.initialDelay.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
			afterStop();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
