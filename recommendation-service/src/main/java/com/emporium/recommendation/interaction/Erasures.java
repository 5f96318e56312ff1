package com.emporium.recommendation.interaction;

import java.time.Instant;
import java.util.UUID;

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

	/** Whether an interaction of this user at this time falls under an erasure. */
	boolean erased(UUID userId, Instant occurredAt) {
		Erasure erasure = this.mongo.findById(userId, Erasure.class);
		return erasure != null && (erasure.accountDeleted() || occurredAt.isBefore(erasure.erasedBefore()));
	}

	private static Query byId(UUID userId) {
		return Query.query(Criteria.where("_id").is(userId));
	}

	@Document("interaction_erasures")
	record Erasure(@Id UUID userId, Instant erasedBefore, boolean accountDeleted) {
	}

}
