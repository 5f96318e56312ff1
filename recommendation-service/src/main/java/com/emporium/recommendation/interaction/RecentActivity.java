package com.emporium.recommendation.interaction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What each shopper did lately, held in memory so that serving a list reads no database: the
 * newest {@link #PER_SHOPPER} shopping interactions (views, search clicks, cart changes, purchases,
 * wishlist changes) of the last {@code recent.window}, per account or session, loaded on first
 * use. A write of this replica ({@link InteractionStore}) drops the shopper's entry at once, so the
 * next read sees it; what another replica wrote is seen after at most {@code recent.refresh} (the
 * entry is reloaded in the background while the old one is served) and no entry outlives
 * {@code recent.expiry}. A read the entry cannot answer (other types, an older window, more than it
 * holds) goes to the database, as all reads did before.
 */
@Component
class RecentActivity {

	/** The most interactions kept per shopper: enough for the longest list serving reads (a cart's 200). */
	static final int PER_SHOPPER = 200;

	static final Set<InteractionType> KEPT = EnumSet.of(InteractionType.VIEW, InteractionType.SEARCH_CLICK,
			InteractionType.CART_ADD, InteractionType.CART_REMOVE, InteractionType.PURCHASE,
			InteractionType.WISHLIST_ADD, InteractionType.WISHLIST_REMOVE);

	private static final String COLLECTION = "interactions";

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("_id"));

	private final MongoTemplate mongo;

	private final InteractionProperties.Recent settings;

	private final Clock clock;

	private final LoadingCache<String, Activity> shoppers;

	RecentActivity(MongoTemplate mongo, InteractionProperties properties, Clock clock) {
		this.mongo = mongo;
		this.settings = properties.recent();
		this.clock = clock;
		this.shoppers = Caffeine.newBuilder()
			.maximumWeight(this.settings.maxInteractions())
			.weigher((String shopper, Activity activity) -> 1 + activity.newestFirst().size())
			.refreshAfterWrite(this.settings.refresh())
			.expireAfterWrite(this.settings.expiry())
			.build(this::load);
	}

	/**
	 * A shopper's newest interactions of these types since {@code since}, newest first: by account
	 * when {@code userId} is given, else by session.
	 */
	List<LoggedInteraction> recent(@Nullable UUID userId, @Nullable String sessionId,
			Collection<InteractionType> types, Instant since, int limit) {
		if (userId == null && sessionId == null) {
			return List.of();
		}
		String shopper = key(userId, sessionId);
		if (!KEPT.containsAll(types) || limit > PER_SHOPPER) {
			return query(userId, sessionId, types, since, limit);
		}
		Activity activity = this.shoppers.get(shopper);
		if (since.isBefore(activity.from())) {
			return query(userId, sessionId, types, since, limit);
		}
		List<LoggedInteraction> found = new ArrayList<>();
		for (LoggedInteraction interaction : activity.newestFirst()) {
			if (found.size() == limit || interaction.occurredAt().isBefore(since)) {
				return found;
			}
			if (types.contains(interaction.type())) {
				found.add(interaction);
			}
		}
		// Past the entry's end: the database may hold older ones, unless the entry held them all.
		return activity.complete() ? found : query(userId, sessionId, types, since, limit);
	}

	/**
	 * This replica stored or removed interactions of an account or a session (or both: a signed-in
	 * shopper's session is read by either): the next read of each loads them again.
	 */
	void changed(@Nullable UUID userId, @Nullable String sessionId) {
		if (userId != null) {
			this.shoppers.invalidate(key(userId, null));
		}
		if (sessionId != null) {
			this.shoppers.invalidate(key(null, sessionId));
		}
	}

	/** This replica removed interactions of shoppers it cannot name (an order's purchases, old ones). */
	void changedAll() {
		this.shoppers.invalidateAll();
	}

	private Activity load(String shopper) {
		Instant from = this.clock.instant().minus(this.settings.window());
		UUID userId = shopper.startsWith(LoggedInteraction.SESSION_PREFIX) ? null : UUID.fromString(shopper);
		String sessionId = (userId != null) ? null : shopper.substring(LoggedInteraction.SESSION_PREFIX.length());
		List<LoggedInteraction> newest = query(userId, sessionId, KEPT, from, PER_SHOPPER);
		return new Activity(from, List.copyOf(newest), newest.size() < PER_SHOPPER);
	}

	private List<LoggedInteraction> query(@Nullable UUID userId, @Nullable String sessionId,
			Collection<InteractionType> types, Instant since, int limit) {
		Criteria criteria = (userId != null) ? Criteria.where("userId").is(userId)
				: Criteria.where("sessionId").is(sessionId);
		criteria.and("occurredAt").gte(since).and("type").in(types.stream().map(InteractionType::name).toList());
		Query query = Query.query(criteria).with(NEWEST_FIRST).limit(limit);
		query.fields().include(InteractionLog.FIELDS);
		List<LoggedInteraction> interactions = new ArrayList<>();
		for (Document document : this.mongo.find(query, Document.class, COLLECTION)) {
			LoggedInteraction interaction = InteractionLog.read(document);
			if (interaction != null) {
				interactions.add(interaction);
			}
		}
		return interactions;
	}

	private static String key(@Nullable UUID userId, @Nullable String sessionId) {
		return (userId != null) ? userId.toString() : LoggedInteraction.SESSION_PREFIX + sessionId;
	}

	/**
	 * @param from the start of the window it was loaded for
	 * @param newestFirst the shopper's kept interactions since then, newest first
	 * @param complete whether that is all of them (fewer than {@link #PER_SHOPPER})
	 */
	private record Activity(Instant from, List<LoggedInteraction> newestFirst, boolean complete) {
	}

}
