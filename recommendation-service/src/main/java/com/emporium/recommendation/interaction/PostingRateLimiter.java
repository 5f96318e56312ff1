package com.emporium.recommendation.interaction;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How often a client may post interactions: a token bucket per signed-in user, or per session for
 * anonymous shoppers, holding {@code requestsPerMinute} posts and refilled at that rate. In memory,
 * per instance (behind several instances a client gets a little more; the gateway's limit still
 * holds). At most {@code maxClients} buckets are kept: past that, the buckets of clients that are
 * back at a full budget go first, and then any, so memory stays bounded whatever ids arrive.
 */
@Component
class PostingRateLimiter {

	private final InteractionProperties.RateLimit limits;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	@Autowired
	PostingRateLimiter(InteractionProperties properties) {
		this(properties.rateLimit(), System::nanoTime);
	}

	PostingRateLimiter(InteractionProperties.RateLimit limits, LongSupplier nanoTime) {
		this.limits = limits;
		this.nanoTime = nanoTime;
	}

	/** Takes one post from the client's budget, or says how long until it may post again. */
	void take(String client) {
		long now = this.nanoTime.getAsLong();
		if (this.buckets.size() >= this.limits.maxClients() && !this.buckets.containsKey(client)) {
			makeRoom(now);
		}
		long[] wait = new long[1];
		this.buckets.compute(client, (key, bucket) -> {
			Bucket current = (bucket != null) ? bucket.refilledAt(now, this.limits)
					: new Bucket(this.limits.requestsPerMinute(), now);
			if (current.tokens() >= 1) {
				return new Bucket(current.tokens() - 1, now);
			}
			wait[0] = (long) Math.ceil((1 - current.tokens()) / perNano(this.limits));
			return current;
		});
		if (wait[0] > 0) {
			throw new TooManyInteractionsException(Duration.ofNanos(wait[0]));
		}
	}

	private void makeRoom(long now) {
		this.buckets.values().removeIf(bucket -> bucket.isFullAt(now, this.limits));
		Iterator<String> clients = this.buckets.keySet().iterator();
		while (this.buckets.size() >= this.limits.maxClients() && clients.hasNext()) {
			clients.next();
			clients.remove();
		}
	}

	private static double perNano(InteractionProperties.RateLimit limits) {
		return limits.requestsPerMinute() / 60e9;
	}

	private record Bucket(double tokens, long updatedAt) {

		Bucket refilledAt(long now, InteractionProperties.RateLimit limits) {
			double refilled = this.tokens + (now - this.updatedAt) * perNano(limits);
			return new Bucket(Math.min(limits.requestsPerMinute(), refilled), now);
		}

		boolean isFullAt(long now, InteractionProperties.RateLimit limits) {
			return refilledAt(now, limits).tokens() >= limits.requestsPerMinute();
		}

	}

}
