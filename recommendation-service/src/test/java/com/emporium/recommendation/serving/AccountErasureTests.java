package com.emporium.recommendation.serving;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.recommendation.RecommendationIntegrationTest;
import com.emporium.recommendation.engine.Recommender;
import com.emporium.recommendation.training.ExperimentProperties;
import com.emporium.recommendation.training.ModelVersions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deleted account leaves the models: the one served (and the A/B variant) at once, every stored
 * version that could be served again, and a training run that learnt from it while it was deleted.
 */
class AccountErasureTests extends RecommendationIntegrationTest {

	static final String USER_DELETED = "emporium.user.user-deleted.v1";

	@Autowired
	ActiveModel activeModel;

	@Autowired
	ModelVersions versions;

	@Autowired
	ExperimentProperties configured;

	@Test
	void aDeletedAccountLeavesTheServedModelsAndEveryStoredVersionAndIsServedAsAStranger() {
		Shop shop = shop();
		long variantB = trainAndActivate();
		long active = trainAndActivate();
		ExperimentProperties experiment = new ExperimentProperties(true, variantB, 0.5);
		this.activeModel.experiment(experiment);
		try {
			UUID fan = shop.lanternFans().getFirst();
			UUID neighbour = shop.lanternFans().get(1);
			String inB = shopperIn(AbSplit.B, experiment);
			assertThat(list(fan).get("algorithm").asString()).isEqualTo("personalised");
			assertThat(served(null).knowsUser(fan.toString())).isTrue();
			assertThat(served(inB).knowsUser(fan.toString())).isTrue();
			assertThat(this.versions.load(active).knowsUser(fan.toString())).isTrue();
			assertThat(this.versions.load(variantB).knowsUser(fan.toString())).isTrue();
			Set<ObjectId> filesBefore = files(active, variantB);

			String deletion = envelope("UserDeleted", UUID.randomUUID(), fan, Instant.now(),
					fields("userId", fan.toString()));
			KafkaTopics.send(USER_DELETED, fan.toString(), deletion);
			awaitTrue(() -> !this.versions.load(active).knowsUser(fan.toString())
					&& !this.versions.load(variantB).knowsUser(fan.toString()));

			assertThat(served(null).knowsUser(fan.toString())).as("served, variant A").isFalse();
			assertThat(served(inB).knowsUser(fan.toString())).as("served, variant B").isFalse();
			JsonNode forgotten = list(fan);
			// A shopper the models never saw, served by the same variant.
			JsonNode stranger = list(UUID.fromString(shopperIn(AbSplit.variant(fan.toString(), experiment), experiment)));
			assertThat(forgotten.get("algorithm").asString()).isEqualTo(stranger.get("algorithm").asString())
				.isNotEqualTo("personalised");
			assertThat(productIds(forgotten)).isEqualTo(productIds(stranger));
			assertThat(items(forgotten)).noneMatch(item -> item.get("reason").get("code").asString().equals("buy-again"));
			assertThat(list(neighbour).get("algorithm").asString()).as("everyone else is served as before")
				.isEqualTo("personalised");
			// The old bytes are gone; the versions point at new ones, which staff can still activate.
			Set<ObjectId> filesAfter = files(active, variantB);
			assertThat(filesAfter).hasSize(2).doesNotContainAnyElementsOf(filesBefore);
			assertThat(storedFiles()).doesNotContainAnyElementsOf(filesBefore).containsAll(filesAfter);
			JsonNode version = body(get(MODELS + "/" + variantB, ADMIN), 200);
			assertThat(version.get("bytesAvailable").asBoolean()).isTrue();

			// A second delivery finds nothing to forget: nothing is written again, nothing fails.
			KafkaTopics.send(USER_DELETED, fan.toString(), deletion);
			UUID marker = UUID.randomUUID();
			publish(USER_DELETED, "UserDeleted", marker, Instant.now(), fields("userId", marker.toString()));
			// One partition, one consumer: the marker is handled once the repeat was.
			awaitTrue(() -> this.mongoTemplate.findById(marker, Document.class, "interaction_erasures") != null);
			assertThat(files(active, variantB)).isEqualTo(filesAfter);
			assertThat(served(null).knowsUser(fan.toString())).isFalse();
			assertThat(list(neighbour).get("algorithm").asString()).isEqualTo("personalised");
			assertThat(KafkaTopics.readAll(USER_DELETED + "-dlt")).noneMatch(record -> fan.toString().equals(record.key()));
		}
		finally {
			this.activeModel.experiment(this.configured);
		}
	}

	@Test
	void aTrainingRunForgetsAnAccountDeletedWhileItReadTheInteractions() {
		Shop shop = shop();
		UUID deleted = shop.mugFans().get(2);
		// The deletion was handled while the run read the account's interactions: the run finds the
		// erasure, and the interactions it read.
		this.mongoTemplate.insert(new Document("_id", deleted).append("erasedBefore", Date.from(Instant.now()))
			.append("accountDeleted", true), "interaction_erasures");

		long version = trainAndActivate();

		assertThat(this.versions.load(version).knowsUser(deleted.toString())).isFalse();
		assertThat(served(null).knowsUser(deleted.toString())).isFalse();
		assertThat(served(null).knowsUser(shop.mugFans().get(3).toString())).isTrue();
		assertThat(list(deleted).get("algorithm").asString()).isNotEqualTo("personalised");
	}

	/** The model serving a shopper of this key (null: variant A, the active version). */
	private Recommender served(String shopperKey) {
		ActiveModel.Served served = this.activeModel.choose(shopperKey).served();
		assertThat(served).isNotNull();
		return served.recommender();
	}

	private static String shopperIn(String variant, ExperimentProperties experiment) {
		while (true) {
			String key = UUID.randomUUID().toString();
			if (AbSplit.variant(key, experiment).equals(variant)) {
				return key;
			}
		}
	}

	private JsonNode list(UUID shopper) {
		return body(get(RECOMMENDATIONS + "/users/me?context=homepage", Shopper.token(shopper)), 200);
	}

	private static List<String> productIds(JsonNode list) {
		return items(list).stream().map(item -> item.get("productId").asString()).toList();
	}

	/** The files the versions' bytes are in now. */
	private Set<ObjectId> files(long... versions) {
		Set<ObjectId> files = new HashSet<>();
		for (long version : versions) {
			files.add(this.versions.fileOf(version).orElseThrow());
		}
		return files;
	}

	/** Every file of model bytes in GridFS. */
	private Set<ObjectId> storedFiles() {
		Set<ObjectId> files = new HashSet<>();
		this.mongoTemplate.getCollection("models.files").find().forEach(file -> files.add(file.getObjectId("_id")));
		return files;
	}

}
