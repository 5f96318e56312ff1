package com.emporium.recommendation.training;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.gridfs.GridFSBuckets;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.TestJwts;
import com.emporium.recommendation.RecommendationIntegrationTest;
import com.emporium.recommendation.training.TrainingRun.Trigger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingRunTests extends RecommendationIntegrationTest {

	@Autowired
	TrainingRuns runs;

	@Autowired
	TrainingProperties properties;

	@Test
	void aRunEvaluatesTrainsAndStoresAVersionThatTheGateActivatesAndThatServesPersonalisedListsWithReasons() {
		Shop shop = shop();

		JsonNode run = awaitRun(start(this.properties.withTolerance(1)));

		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("trigger").asString()).isEqualTo("ON_DEMAND");
		assertThat(run.get("phase").asString()).isEqualTo("STORING");
		assertThat(run.get("decision").asString()).isEqualTo("ACTIVATED");
		assertThat(run.get("reason").asString()).startsWith("activated:");
		assertThat(run.get("counts").get("purchases").asLong()).isPositive();
		assertThat(run.get("counts").get("shoppers").asLong()).isGreaterThanOrEqualTo(32);
		assertThat(run.get("testShoppers").asInt()).isGreaterThanOrEqualTo(32);
		assertThat(run.get("phaseSeconds").propertyNames()).containsExactly("loading", "evaluating", "training",
				"storing");
		assertThat(run.get("startedAt").asString()).isNotBlank();
		assertThat(run.get("finishedAt").asString()).isNotBlank();
		long version = run.get("version").asLong();

		JsonNode model = body(get(MODELS + "/" + version, MANAGER), 200);
		assertThat(model.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(model.get("runId").asString()).isEqualTo(run.get("id").asString());
		assertThat(model.get("evaluation").get("evaluated").asBoolean()).isTrue();
		assertThat(model.get("evaluation").get("k").asInt()).isEqualTo(10);
		assertThat(model.get("metrics").valueStream().map(m -> m.get("model").asString())).contains("popularity",
				"item-knn", "repeat-purchase", "also-bought", "bought-together", "content", "personalised");
		assertThat(model.get("metrics").valueStream().filter(m -> m.get("baseline").asBoolean())
			.map(m -> m.get("model").asString())).containsExactlyInAnyOrder("popularity", "item-knn", "repeat-purchase");
		assertThat(model.get("personalisedFailure").isNull()).isTrue();
		assertThat(model.get("bytesAvailable").asBoolean()).isTrue();
		assertThat(model.get("sizeBytes").asLong()).isPositive();
		assertThat(model.get("settings").get("neighbours").asInt()).isEqualTo(50);

		UUID fan = shop.lanternFans().getFirst();
		JsonNode list = body(get(RECOMMENDATIONS + "/users/me", Shopper.token(fan)), 200);
		assertThat(list.get("modelVersion").asLong()).isEqualTo(version);
		assertThat(list.get("algorithm").asString()).isEqualTo("personalised");
		assertThat(list.get("context").asString()).isEqualTo("homepage");
		List<JsonNode> items = items(list);
		assertThat(items).isNotEmpty();
		assertThat(items).anySatisfy(item -> {
			assertThat(item.get("reason").get("code").asString()).isEqualTo("buy-again");
			assertThat(item.get("reason").get("text").asString()).isEqualTo("Buy again");
			assertThat(item.get("algorithm").asString()).isEqualTo("personalised");
			assertThat(shop.lanterns()).contains(UUID.fromString(item.get("productId").asString()));
		});
		// A lantern fan's list starts with lanterns, not the mugs the other half buys.
		assertThat(UUID.fromString(items.getFirst().get("productId").asString())).isIn(shop.lanterns());
	}

	@Test
	void aCandidateWorseThanTheActiveVersionByMoreThanTheToleranceIsRejectedAndTheActiveOneKeepsServing() {
		Shop shop = shop();
		long active = awaitRun(start(this.properties.withTolerance(1))).get("version").asLong();

		// A tolerance of -1 asks for twice the active version's NDCG: no candidate of the same data passes.
		JsonNode run = awaitRun(start(this.properties.withTolerance(-1)));

		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("decision").asString()).isEqualTo("REJECTED");
		assertThat(run.get("reason").asString()).startsWith("rejected:")
			.contains("personalised NDCG@10")
			.contains("active version " + active);
		long rejected = run.get("version").asLong();
		JsonNode model = body(get(MODELS + "/" + rejected, ADMIN), 200);
		assertThat(model.get("status").asString()).isEqualTo("REJECTED");
		assertThat(model.get("reason").asString()).isEqualTo(run.get("reason").asString());
		assertThat(body(get(MODELS + "/" + active, ADMIN), 200).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(servedVersion(shop)).isEqualTo(active);
	}

	@Test
	void aRunThatFailsIsRecordedWithItsErrorAndTheActiveVersionKeepsServing() {
		Shop shop = shop();
		long active = awaitRun(start(this.properties.withTolerance(1))).get("version").asLong();
		long versions = body(get(MODELS, ADMIN), 200).get("totalItems").asLong();

		JsonNode run = awaitRun(start(this.properties.withMaxInteractions(1)));

		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("FAILED");
		assertThat(run.get("phase").asString()).isEqualTo("LOADING");
		assertThat(run.get("error").asString()).contains("emporium.recommendation.training.max-interactions (1)");
		assertThat(run.get("version").isNull()).isTrue();
		assertThat(run.get("finishedAt").asString()).isNotBlank();
		assertThat(body(get(MODELS, ADMIN), 200).get("totalItems").asLong()).isEqualTo(versions);
		assertThat(servedVersion(shop)).isEqualTo(active);
		// The lock went with the failed run: the next one starts.
		assertThat(awaitRun(start(this.properties.withTolerance(1))).get("status").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	void whileAnotherReplicaHoldsTheLockOnDemandRunsAreRefusedAndScheduledOnesSkip() {
		this.mongoTemplate.save(new Document("_id", TrainingLock.NAME).append("owner", "other-replica/1234")
			.append("expiresAt", Instant.now().plus(1, ChronoUnit.HOURS)), TrainingLock.COLLECTION);
		try {
			JsonNode refused = problem(send(HttpMethod.POST, RUNS, ADMIN, null, Map.of()), 409,
					"training-in-progress", null);
			assertThat(refused.get("detail").asString()).contains("in progress");

			this.runs.scheduled();

			JsonNode skipped = items(body(get(RUNS + "?status=SKIPPED&size=1", MANAGER), 200)).getFirst();
			assertThat(skipped.get("trigger").asString()).isEqualTo("SCHEDULED");
			assertThat(skipped.get("reason").asString()).isEqualTo("skipped: another replica is training");
			assertThat(Instant.parse(skipped.get("queuedAt").asString())).isAfter(Instant.now().minusSeconds(60));
		}
		finally {
			this.mongoTemplate.remove(Query.query(Criteria.where("_id").is(TrainingLock.NAME)), TrainingLock.COLLECTION);
		}
	}

	@Test
	void anExpiredLockOfAReplicaThatDiedIsTakenOverAndItsRunMarkedAbandoned() {
		UUID abandoned = UUID.randomUUID();
		this.mongoTemplate.insert(TrainingRun.queued(abandoned, Trigger.SCHEDULED, "dead-replica/1", Instant.now()));
		this.mongoTemplate.save(new Document("_id", TrainingLock.NAME).append("owner", "dead-replica/1")
			.append("expiresAt", Instant.now().minusSeconds(1)), TrainingLock.COLLECTION);

		JsonNode run = train();

		assertThat(run.get("status").asString()).as(run.toString()).isIn("SUCCEEDED");
		JsonNode dead = body(get(RUNS + "/" + abandoned, ADMIN), 200);
		assertThat(dead.get("status").asString()).isEqualTo("FAILED");
		assertThat(dead.get("error").asString()).startsWith("abandoned");
	}

	@Test
	void onDemandRunsAnswer202WithTheirAddressAndAreListedNewestFirst() {
		RestTestClient.ResponseSpec response = send(HttpMethod.POST, RUNS, ADMIN, null, Map.of());
		String location = response.expectStatus().isAccepted().returnResult(String.class).getResponseHeaders()
			.getLocation()
			.toString();
		JsonNode run = awaitRun(location.substring(location.lastIndexOf('/') + 1));
		assertThat(location).isEqualTo(RUNS + "/" + run.get("id").asString());
		assertThat(run.get("trigger").asString()).isEqualTo("ON_DEMAND");

		List<JsonNode> listed = items(body(get(RUNS + "?size=100", MANAGER), 200));
		assertThat(listed.getFirst().get("id").asString()).isEqualTo(run.get("id").asString());
		assertThat(listed).extracting(item -> Instant.parse(item.get("queuedAt").asString()))
			.isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void staffRollBackToAnOlderVersionAndForwardToARejectedOneAndTheServedListsFollow() {
		Shop shop = shop();
		long older = awaitRun(start(this.properties.withTolerance(1))).get("version").asLong();
		long newer = awaitRun(start(this.properties.withTolerance(1))).get("version").asLong();
		long rejected = awaitRun(start(this.properties.withTolerance(-1))).get("version").asLong();
		assertThat(servedVersion(shop)).isEqualTo(newer);

		JsonNode rolledBack = body(send(HttpMethod.POST, MODELS + "/" + older + "/activation", ADMIN, null, Map.of()),
				200);
		assertThat(rolledBack.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(servedVersion(shop)).isEqualTo(older);
		assertThat(body(get(MODELS + "/" + newer, ADMIN), 200).get("status").asString()).isEqualTo("RETIRED");

		JsonNode forward = body(send(HttpMethod.POST, MODELS + "/" + rejected + "/activation", ADMIN, null, Map.of()),
				200);
		assertThat(forward.get("reason").asString()).startsWith("activated by staff; it was REJECTED");
		assertThat(servedVersion(shop)).isEqualTo(rejected);
		assertThat(body(get(MODELS + "/" + older, ADMIN), 200).get("status").asString()).isEqualTo("RETIRED");
		List<JsonNode> versions = items(body(get(MODELS + "?size=100", MANAGER), 200));
		assertThat(versions).extracting(v -> v.get("version").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(versions).filteredOn(v -> v.get("status").asString().equals("ACTIVE"))
			.extracting(v -> v.get("version").asLong())
			.containsExactly(rejected);
	}

	@Test
	void aVersionWhoseBytesAreGoneOrCorruptCannotBeActivatedAndTheActiveOneKeepsServing() {
		Shop shop = shop();
		long gone = awaitRun(start(this.properties.withTolerance(1))).get("version").asLong();
		long corrupt = awaitRun(start(this.properties.withTolerance(1))).get("version").asLong();
		long active = awaitRun(start(this.properties.withTolerance(1))).get("version").asLong();
		var bucket = GridFSBuckets.create(this.mongoTemplate.getDb(), ModelVersions.BUCKET);
		bucket.delete(fileOf(gone));
		this.mongoTemplate.getCollection(ModelVersions.BUCKET + ".chunks")
			.updateMany(new Document("files_id", fileOf(corrupt)),
					new Document("$set", new Document("data", new Binary("not a model".getBytes()))));

		JsonNode missing = problem(send(HttpMethod.POST, MODELS + "/" + gone + "/activation", ADMIN, null, Map.of()),
				409, "model-unavailable", null);
		assertThat(missing.get("version").asLong()).isEqualTo(gone);
		problem(send(HttpMethod.POST, MODELS + "/" + corrupt + "/activation", ADMIN, null, Map.of()), 409,
				"model-unavailable", null);
		problem(send(HttpMethod.POST, MODELS + "/999999999/activation", ADMIN, null, Map.of()), 404, "not-found",
				null);

		assertThat(servedVersion(shop)).isEqualTo(active);
		assertThat(body(get(MODELS + "/" + active, ADMIN), 200).get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void onlyTheNewestVersionsKeepTheirBytesAndAnOlderOneCannotBeActivatedAnyMore() {
		long oldest = awaitRun(start(this.properties.withTolerance(1))).get("version").asLong();
		for (int run = 0; run < this.properties.keepVersions(); run++) {
			awaitRun(start(this.properties.withTolerance(1)));
		}

		JsonNode purged = body(get(MODELS + "/" + oldest, ADMIN), 200);
		assertThat(purged.get("bytesAvailable").asBoolean()).isFalse();
		assertThat(purged.get("status").asString()).isEqualTo("RETIRED");
		JsonNode refused = problem(send(HttpMethod.POST, MODELS + "/" + oldest + "/activation", ADMIN, null, Map.of()),
				409, "model-unavailable", null);
		assertThat(refused.get("detail").asString()).contains("removed");
		List<JsonNode> newest = items(body(get(MODELS + "?size=" + this.properties.keepVersions(), ADMIN), 200));
		assertThat(newest).allSatisfy(version -> assertThat(version.get("bytesAvailable").asBoolean()).isTrue());
	}

	@Test
	void onlyAdminsStartRunsAndActivateVersionsAndManagersRead() {
		for (String path : List.of(RUNS, MODELS, RUNS + "/" + UUID.randomUUID(), MODELS + "/1")) {
			problem(get(path, null), 401, "unauthenticated", null);
			problem(get(path, CUSTOMER), 403, "forbidden", null);
		}
		body(get(RUNS, MANAGER), 200);
		body(get(MODELS, MANAGER), 200);
		problem(send(HttpMethod.POST, RUNS, null, null, Map.of()), 401, "unauthenticated", null);
		problem(send(HttpMethod.POST, RUNS, MANAGER, null, Map.of()), 403, "forbidden", null);
		problem(send(HttpMethod.POST, RUNS, CUSTOMER, null, Map.of()), 403, "forbidden", null);
		problem(send(HttpMethod.POST, MODELS + "/1/activation", MANAGER, null, Map.of()), 403, "forbidden", null);
		problem(send(HttpMethod.POST, MODELS + "/1/activation", null, null, Map.of()), 401, "unauthenticated", null);
		problem(send(HttpMethod.POST, MODELS + "/1/activation",
				TestJwts.tokenSignedByAnotherKey(UUID.randomUUID().toString(), "ADMIN"), null, Map.of()), 401,
				"unauthenticated", null);
	}

	@Test
	void badIdsAndPagesAreProblemsNamingThem() {
		problem(get(RUNS + "/not-a-run", ADMIN), 400, "validation-failed", "id");
		problem(get(RUNS + "/" + UUID.randomUUID(), ADMIN), 404, "not-found", null);
		problem(get(RUNS + "?status=DANCING", ADMIN), 400, "validation-failed", "status");
		problem(get(RUNS + "?size=0", ADMIN), 400, "validation-failed", "size");
		problem(get(RUNS + "?page=-1", ADMIN), 400, "validation-failed", "page");
		problem(get(MODELS + "?size=101", ADMIN), 400, "validation-failed", "size");
		problem(get(MODELS + "/latest", ADMIN), 400, "validation-failed", "version");
		problem(get(MODELS + "/0", ADMIN), 400, "validation-failed", "version");
		problem(get(MODELS + "/99999999999999999999", ADMIN), 400, "validation-failed", "version");
		problem(get(MODELS + "/999999999", ADMIN), 404, "not-found", null);
		problem(send(HttpMethod.POST, MODELS + "/-3/activation", ADMIN, null, Map.of()), 400, "validation-failed",
				"version");
	}

	@Test
	void theApiDocumentDescribesTheTrainingEndpointsAndTheirProblems() {
		JsonNode paths = body(get("/v3/api-docs", null), 200).get("paths");
		JsonNode start = paths.get(RUNS).get("post").get("responses");
		assertThat(start.has("202")).isTrue();
		assertThat(start.get("202").get("headers").has("Location")).isTrue();
		assertThat(start.get("409").get("content").has("application/problem+json")).isTrue();
		assertThat(paths.get(RUNS + "/{id}").get("get").get("responses").has("404")).isTrue();
		assertThat(paths.get(MODELS).get("get").get("responses").has("403")).isTrue();
		JsonNode activation = paths.get(MODELS + "/{version}/activation").get("post").get("responses");
		assertThat(activation.has("404")).isTrue();
		assertThat(activation.get("409").get("description").asString()).contains("model-unavailable");
	}

	private String start(TrainingProperties settings) {
		return this.runs.start(Trigger.ON_DEMAND, settings).orElseThrow().id().toString();
	}

	/** The version that serves a lantern fan of the shop. */
	private long servedVersion(Shop shop) {
		return body(get(RECOMMENDATIONS + "/users/me", Shopper.token(shop.lanternFans().getFirst())), 200)
			.get("modelVersion")
			.asLong();
	}

	private ObjectId fileOf(long version) {
		return this.mongoTemplate.findById(version, Document.class, "model_versions").getObjectId("fileId");
	}

}
