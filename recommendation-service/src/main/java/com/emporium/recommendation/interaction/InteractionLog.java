package com.emporium.recommendation.interaction;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reading interactions, for the features that learn from them and report on them, and recording
 * purchases that no event announced (the demo's history). Reads are
 * projected to the fields of {@link LoggedInteraction} and mapped from raw documents, so that a
 * training run over millions of interactions holds one cursor batch of small documents at a time,
 * never whole entities. A document that cannot be read (a field of the wrong type, written by hand)
 * is skipped: one bad row must not stop a training run or a report.
 */
@Component
public class InteractionLog {

	private static final String COLLECTION = "interactions";

	static final String[] FIELDS = { "type", "userId", "sessionId", "productId", "occurredAt", "quantity",
			"rating", "orderId", "recommendationId", "algorithm", "context" };

	private static final int BATCH = 1000;

	private final MongoTemplate mongo;

	private final InteractionStore store;

	private final RecentActivity activity;

	private final Erasures erasures;

	InteractionLog(MongoTemplate mongo, InteractionStore store, RecentActivity activity, Erasures erasures) {
		this.mongo = mongo;
		this.store = store;
		this.activity = activity;
		this.erasures = erasures;
	}

	/**
	 * Records purchases as {@code PURCHASE} interactions in one round trip, like those of confirmed
	 * orders. A purchase whose event id is stored already stores nothing, nor does one of a shopper
	 * whose history is erased.
	 * @return how many were stored
	 */
	public int recordPurchases(List<PastPurchase> purchases) {
		return this.store.recordAll(purchases.stream().map(PastPurchase::interaction).toList());
	}

	/** How many interactions of these types occurred before {@code before}. */
	public long count(Instant before, Collection<InteractionType> types) {
		return this.mongo.count(window(null, before, types), COLLECTION);
	}

	/**
	 * The interactions of these types that occurred in {@code [from, before)} ({@code from} null: since
	 * the first), in no particular order, read from a cursor as the stream is consumed: close it.
	 */
	public Stream<LoggedInteraction> stream(@Nullable Instant from, Instant before,
			Collection<InteractionType> types) {
		Query query = window(from, before, types).cursorBatchSize(BATCH);
		query.fields().include(FIELDS);
		return this.mongo.stream(query, Document.class, COLLECTION)
			.map(InteractionLog::read)
			.filter(Objects::nonNull);
	}

	/**
	 * As {@link #stream}, oldest first (then by id): for reading what followed what in one pass.
	 */
	public Stream<LoggedInteraction> streamOldestFirst(Instant from, Instant before,
			Collection<InteractionType> types) {
		Query query = window(from, before, types)
			.with(Sort.by(Sort.Order.asc("occurredAt"), Sort.Order.asc("_id")))
			.cursorBatchSize(BATCH);
		query.fields().include(FIELDS);
		return this.mongo.stream(query, Document.class, COLLECTION)
			.map(InteractionLog::read)
			.filter(Objects::nonNull);
	}

	/**
	 * A shopper's newest interactions of these types since {@code since}, newest first: by account
	 * when {@code userId} is given, else by session. Served from memory ({@link RecentActivity}) when
	 * it can be.
	 */
	public List<LoggedInteraction> recent(@Nullable UUID userId, @Nullable String sessionId,
			Collection<InteractionType> types, Instant since, int limit) {
		return this.activity.recent(userId, sessionId, types, since, limit);
	}

	/**
	 * The users whose accounts are deleted (ids only), read from a cursor as the stream is
	 * consumed: close it. For a training run to forget any it learnt from while they were deleted.
	 */
	public Stream<UUID> deletedAccounts() {
		return this.erasures.deletedAccounts();
	}

	private static Query window(@Nullable Instant from, Instant before, Collection<InteractionType> types) {
		Criteria time = Criteria.where("occurredAt");
		if (from != null) {
			time.gte(from);
		}
		time.lt(before);
		return Query.query(time.and("type").in(names(types)));
	}

	private static List<String> names(Collection<InteractionType> types) {
		return types.stream().map(Enum::name).toList();
	}

	static @Nullable LoggedInteraction read(Document document) {
		try {
			InteractionType type = InteractionType.valueOf(document.getString("type"));
			UUID productId = uuid(document.get("productId"));
			Date occurredAt = document.getDate("occurredAt");
			if (productId == null || occurredAt == null) {
				return null;
			}
			return new LoggedInteraction(type, uuid(document.get("userId")), document.getString("sessionId"),
					productId, occurredAt.toInstant(), integer(document.get("quantity")),
					integer(document.get("rating")), uuid(document.get("orderId")),
					document.getString("recommendationId"), document.getString("algorithm"),
					document.getString("context"));
		}
		catch (RuntimeException unreadable) {
			// ClassCastException, IllegalArgumentException: not an interaction this service wrote.
			return null;
		}
	}

	private static @Nullable UUID uuid(@Nullable Object value) {
		return switch (value) {
			case null -> null;
			case UUID uuid -> uuid;
			case Binary binary when binary.length() == 16 -> {
				ByteBuffer bytes = ByteBuffer.wrap(binary.getData());
				yield new UUID(bytes.getLong(), bytes.getLong());
			}
			case String text -> UUID.fromString(text);
			default -> throw new IllegalArgumentException("not a UUID");
		};
	}

	private static @Nullable Integer integer(@Nullable Object value) {
		return (value instanceof Number number) ? number.intValue() : null;
	}

}
