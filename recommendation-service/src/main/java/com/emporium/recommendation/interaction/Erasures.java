package com.emporium.recommendation.interaction;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Whose history was erased, and up to when. Events travel on many topics and may arrive late, so an
 * erasure is remembered (a user id and a time, nothing personal): an interaction that happened
 * before a shopper erased their history, or at any time by a deleted account, is not kept even when
 * its event comes afterwards.
 */
@Component
class Erasures {

	private final MongoTemplate mongo;

	Erasures(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Remembers that the user's interactions until {@code before} are erased. */
	void historyErasedBefore(UUID userId, Instant before) {
		this.mongo.upsert(byId(userId), new Update().max("erasedBefore", before).setOnInsert("accountDeleted", false),
				Erasure.class);
	}

	/** Remembers that the user's account is deleted: none of their interactions is kept any more. */
	void accountDeleted(UUID userId, Instant at) {
		this.mongo.upsert(byId(userId), new Update().max("erasedBefore", at).set("accountDeleted", true),
				Erasure.class);
	}

	/** The users whose accounts are deleted, read from a cursor as the stream is consumed: close it. */
	Stream<UUID> deletedAccounts() {
		Query deleted = Query.query(Criteria.where("accountDeleted").is(true)).cursorBatchSize(1000);
		return this.mongo.stream(deleted, Erasure.class).map(Erasure::userId);
	}

	/** Whether an interaction of this user at this time falls under an erasure. */
	boolean erased(UUID userId, Instant occurredAt) {
		Erasure erasure = this.mongo.findById(userId, Erasure.class);
		return erasure != null && erasure.covers(occurredAt);
	}

	/** The event ids of those interactions that fall under an erasure, read in one query for all their users. */
	Set<UUID> erased(Collection<Interaction> interactions) {
		Set<UUID> users = interactions.stream()
			.map(Interaction::userId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		if (users.isEmpty()) {
			return Set.of();
		}
		Map<UUID, Erasure> erasures = this.mongo.find(Query.query(Criteria.where("_id").in(users)), Erasure.class)
			.stream()
			.collect(Collectors.toMap(Erasure::userId, Function.identity()));
		Set<UUID> erased = new HashSet<>();
		for (Interaction interaction : interactions) {
			Erasure erasure = (interaction.userId() != null) ? erasures.get(interaction.userId()) : null;
			if (erasure != null && erasure.covers(interaction.occurredAt())) {
				erased.add(interaction.eventId());
			}
		}
		return erased;
	}

	private static Query byId(UUID userId) {
		return Query.query(Criteria.where("_id").is(userId));
	}

	@Document("interaction_erasures")
	record Erasure(@Id UUID userId, Instant erasedBefore, boolean accountDeleted) {

		boolean covers(Instant occurredAt) {
			return this.accountDeleted || occurredAt.isBefore(this.erasedBefore);
		}

	}

}
