package com.emporium.recommendation.training;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The training lock: one document of {@code locks}, {@code {_id, owner, expiresAt}}, so that one
 * replica trains at a time. It is taken by one atomic upsert that matches only an expired lock; a
 * lock that is held makes the upsert insert a second document with the same id, which the unique
 * {@code _id} refuses. The holder renews it every third of {@code lock-ttl}; a replica that dies
 * mid-run leaves a lock that expires, after which another may train.
 */
@Component
class TrainingLock implements DisposableBean {

	static final String COLLECTION = "locks";

	static final String NAME = "recommendation-training";

	private static final Logger log = LoggerFactory.getLogger(TrainingLock.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration ttl;

	private final String owner;

	private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "training-lock-renewal");
		thread.setDaemon(true);
		return thread;
	});

	TrainingLock(MongoTemplate mongo, Clock clock, TrainingProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.ttl = properties.lockTtl();
		this.owner = hostname() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** This replica's name in the lock and in the runs it makes. */
	String owner() {
		return this.owner;
	}

	/** The lock, if no other run holds it (on this replica or another); renewed until closed. */
	Optional<Held> tryAcquire() {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id").is(NAME).and("expiresAt").lt(now));
		Update take = new Update().set("owner", this.owner).set("acquiredAt", now).set("expiresAt", now.plus(this.ttl));
		Document lock;
		try {
			lock = this.mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
					Document.class, COLLECTION);
		}
		catch (DuplicateKeyException held) {
			return Optional.empty();
		}
		if (lock == null || !this.owner.equals(lock.getString("owner"))) {
			return Optional.empty();
		}
		log.info("Training lock acquired owner={}", this.owner);
		return Optional.of(new Held());
	}

	@Override
	public void destroy() {
		this.renewals.shutdownNow();
	}

	private static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

	/** A held lock: renewed in the background until closed, which releases it. */
	final class Held implements AutoCloseable {

		private final AtomicBoolean lost = new AtomicBoolean();

		private final ScheduledFuture<?> renewal;

		private Held() {
			long every = Math.max(1, TrainingLock.this.ttl.toMillis() / 3);
			this.renewal = TrainingLock.this.renewals.scheduleAtFixedRate(this::renew, every, every,
					TimeUnit.MILLISECONDS);
		}

		/** Whether the lock is still ours: false once a renewal found another owner (ours had expired). */
		boolean held() {
			return !this.lost.get();
		}

		private void renew() {
			try {
				Instant now = TrainingLock.this.clock.instant();
				long renewed = TrainingLock.this.mongo
					.updateFirst(mine(), new Update().set("expiresAt", now.plus(TrainingLock.this.ttl)), COLLECTION)
					.getMatchedCount();
				if (renewed == 0 && this.lost.compareAndSet(false, true)) {
					log.warn("Training lock lost owner={}: another replica may be training", TrainingLock.this.owner);
				}
			}
			catch (RuntimeException ex) {
				// MongoDB unreachable for a moment: the next renewal tries again before the lock expires.
				log.warn("Training lock renewal failed owner={} reason={}", TrainingLock.this.owner, ex.toString());
			}
		}

		@Override
		public void close() {
			this.renewal.cancel(false);
			TrainingLock.this.mongo.remove(mine(), COLLECTION);
			log.info("Training lock released owner={}", TrainingLock.this.owner);
		}

		private Query mine() {
			return Query.query(Criteria.where("_id").is(NAME).and("owner").is(TrainingLock.this.owner));
		}

	}

}
