package com.emporium.recommendation.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.mongodb.bulk.BulkWriteError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * The {@code interactions} collection. Writes are idempotent by the unique {@code _id} (the event
 * id): an insert that meets an existing one stores nothing. Erasures win over late events: an
 * interaction is inserted first and then checked against {@link Erasures}, so an erasure that
 * lands between the two still removes it.
 */
@Component
class InteractionStore implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(InteractionStore.class);

	/** Newest first; the id breaks ties, so pages never overlap. */
	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("_id"));

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	private final Erasures erasures;

	private final RecentActivity activity;

	InteractionStore(MongoTemplate mongo, Erasures erasures, RecentActivity activity) {
		this.mongo = mongo;
		this.erasures = erasures;
		this.activity = activity;
	}

	/**
	 * The indexes the reads need, made before any listener starts: a user's history by time, a
	 * session's recent interactions by time, everything by time (training reads a time window, the
	 * export too, retention deletes by it), a product's interactions of a type, an order's
	 * purchases. The event id is the {@code _id}, unique by nature.
	 */
	@Override
	public void afterPropertiesSet() {
		var indexes = this.mongo.indexOps(Interaction.class);
		indexes.createIndex(new Index().on("userId", Sort.Direction.ASC)
			.on("occurredAt", Sort.Direction.DESC)
			.named("user_history"));
		indexes.createIndex(new Index().on("sessionId", Sort.Direction.ASC)
			.on("occurredAt", Sort.Direction.DESC)
			.named("session_history"));
		indexes.createIndex(new Index().on("occurredAt", Sort.Direction.ASC).named("occurred_at"));
		indexes.createIndex(new Index().on("productId", Sort.Direction.ASC)
			.on("type", Sort.Direction.ASC)
			.on("occurredAt", Sort.Direction.DESC)
			.named("product_type"));
		indexes.createIndex(new Index().on("orderId", Sort.Direction.ASC).sparse().named("order_purchases"));
	}

	/** @return whether it was stored: false for a repeat, or for a user whose history is erased */
	boolean record(Interaction interaction) {
		try {
			this.mongo.insert(interaction);
		}
		catch (DuplicateKeyException repeated) {
			log.debug("Skipping a repeated interaction eventId={}", interaction.eventId());
			return false;
		}
		this.activity.changed(interaction.userId(), interaction.sessionId());
		if (interaction.userId() != null && this.erasures.erased(interaction.userId(), interaction.occurredAt())) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(interaction.eventId())), Interaction.class);
			log.debug("Dropped an interaction of an erased history eventId={}", interaction.eventId());
			return false;
		}
		return true;
	}

	/**
	 * Stores interactions in one round trip; repeats are skipped, and so are those of erased
	 * histories (checked after the insert, as for one).
	 * @return how many were stored
	 */
	int recordAll(List<Interaction> interactions) {
		if (interactions.isEmpty()) {
			return 0;
		}
		Set<Integer> repeats = Set.of();
		try {
			this.mongo.bulkOps(BulkMode.UNORDERED, Interaction.class).insert(interactions).execute();
		}
		catch (BulkOperationException someRepeated) {
			boolean onlyRepeats = someRepeated.getErrors()
				.stream()
				.allMatch(error -> error.getCode() == DUPLICATE_KEY);
			if (!onlyRepeats) {
				throw someRepeated;
			}
			// Unordered: every insert but the failed ones went through.
			repeats = someRepeated.getErrors().stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
		}
		List<Interaction> inserted = new ArrayList<>();
		for (int index = 0; index < interactions.size(); index++) {
			if (!repeats.contains(index)) {
				inserted.add(interactions.get(index));
			}
		}
		inserted.forEach((stored) -> this.activity.changed(stored.userId(), stored.sessionId()));
		Set<UUID> erased = this.erasures.erased(inserted);
		if (!erased.isEmpty()) {
			this.mongo.remove(Query.query(Criteria.where("_id").in(erased)), Interaction.class);
		}
		return inserted.size() - erased.size();
	}

	/** A user's interactions, newest first, of one type or all. */
	Page<Interaction> history(UUID userId, @Nullable InteractionType type, Pageable page) {
		return find(new Filter(type, userId, null, null, null, null), page);
	}

	/** Interactions matching every filter given, newest first. */
	Page<Interaction> find(Filter filter, Pageable page) {
		Query query = filter.query();
		List<Interaction> items = this.mongo.find(Query.of(query).with(page).with(NEWEST_FIRST), Interaction.class);
		return PageableExecutionUtils.getPage(items, page, () -> this.mongo.count(query, Interaction.class));
	}

	/**
	 * Interactions of {@code [from, to)}, oldest first, read from a cursor as the stream is
	 * consumed: close it.
	 */
	Stream<Interaction> between(Instant from, Instant to) {
		Query window = Query.query(Criteria.where("occurredAt").gte(from).lt(to))
			.with(Sort.by(Sort.Order.asc("occurredAt"), Sort.Order.asc("_id")))
			.cursorBatchSize(500);
		return this.mongo.stream(window, Interaction.class);
	}

	/** Deletes every interaction of a user. */
	long eraseUser(UUID userId) {
		long erased = this.mongo.remove(Query.query(Criteria.where("userId").is(userId)), Interaction.class)
			.getDeletedCount();
		this.activity.changed(userId, null);
		return erased;
	}

	/** Deletes the purchases of an order (cancelled after it was confirmed). */
	long removePurchases(UUID orderId) {
		long removed = this.mongo
			.remove(Query.query(Criteria.where("orderId").is(orderId).and("type").is(InteractionType.PURCHASE.name())),
					Interaction.class)
			.getDeletedCount();
		if (removed > 0) {
			this.activity.changedAll();
		}
		return removed;
	}

	/** Deletes interactions that happened before {@code before}. */
	long purgeBefore(Instant before) {
		long purged = this.mongo.remove(Query.query(Criteria.where("occurredAt").lt(before)), Interaction.class)
			.getDeletedCount();
		if (purged > 0) {
			this.activity.changedAll();
		}
		return purged;
	}

	/** Filters of the staff's list; each is applied when not null. {@code to} is exclusive. */
	record Filter(@Nullable InteractionType type, @Nullable UUID userId, @Nullable String sessionId,
			@Nullable UUID productId, @Nullable Instant from, @Nullable Instant to) {

		Query query() {
			Criteria criteria = new Criteria();
			if (this.userId != null) {
				criteria.and("userId").is(this.userId);
			}
			if (this.sessionId != null) {
				criteria.and("sessionId").is(this.sessionId);
			}
			if (this.productId != null) {
				criteria.and("productId").is(this.productId);
			}
			if (this.type != null) {
				criteria.and("type").is(this.type.name());
			}
			if (this.from != null || this.to != null) {
				Criteria time = criteria.and("occurredAt");
				if (this.from != null) {
					time.gte(this.from);
				}
				if (this.to != null) {
					time.lt(this.to);
				}
			}
			return Query.query(criteria);
		}

	}

}
