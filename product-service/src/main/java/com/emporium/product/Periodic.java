package com.emporium.product;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Background work that runs every {@code interval} on a thread of its own while the application
 * runs, and stops before the beans it needs (the database) go away. Each run must catch what it
 * can handle: an exception that escapes ends the schedule.
 */
public abstract class Periodic implements SmartLifecycle {

	private final String name;

	private final Duration interval;

	private @Nullable ScheduledExecutorService scheduler;

	protected Periodic(String name, Duration interval) {
		this.name = name;
		this.interval = interval;
	}

	/** One run. */
	protected abstract void runOnce();

	/** After the schedule has stopped: a last run, for work that must not be left behind. None by default. */
	protected void afterStop() {
	}

	@Override
	public synchronized void start() {
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(this.name).factory());
		long millis = this.interval.toMillis();
		executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
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
