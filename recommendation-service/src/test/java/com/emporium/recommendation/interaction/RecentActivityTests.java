package com.emporium.recommendation.interaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.emporium.recommendation.RecommendationIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Serving reads a shopper's recent interactions from memory: what this replica records is read at
 * once, what another replica wrote (here: written straight into MongoDB) after the refresh, and
 * what memory cannot answer still comes from the database.
 */
class RecentActivityTests extends RecommendationIntegrationTest {

	private static final Set<InteractionType> VIEWS = EnumSet.of(InteractionType.VIEW, InteractionType.SEARCH_CLICK);

	private static final Set<InteractionType> CART = EnumSet.of(InteractionType.CART_ADD,
			InteractionType.CART_REMOVE, InteractionType.PURCHASE);

	@Autowired
	private InteractionLog log;

	@Autowired
	private InteractionStore store;

	@Test
	void whatThisReplicaRecordsIsReadAtOnceAndNoReadGoesToTheDatabaseInBetween() {
		UUID shopper = UUID.randomUUID();
		UUID lantern = UUID.randomUUID();
		Instant since = Instant.now().minus(Duration.ofDays(1));
		assertThat(this.log.recent(shopper, null, VIEWS, since, 10)).isEmpty();

		// Another replica's write: memory does not know it yet, which shows the read was not a query.
		UUID bag = UUID.randomUUID();
		this.mongoTemplate.insert(Interaction.of(UUID.randomUUID(), InteractionType.VIEW, shopper, null, bag,
				Instant.now().minusSeconds(60)));
		assertThat(this.log.recent(shopper, null, VIEWS, since, 10)).isEmpty();

		assertThat(this.store.record(
				Interaction.of(UUID.randomUUID(), InteractionType.VIEW, shopper, "tab-1", lantern, Instant.now())))
			.isTrue();
		assertThat(this.log.recent(shopper, null, VIEWS, since, 10)).extracting(LoggedInteraction::productId)
			.containsExactly(lantern, bag);
		// The same view is the session's too, for the anonymous read of that tab.
		assertThat(this.log.recent(null, "tab-1", VIEWS, since, 10)).extracting(LoggedInteraction::productId)
			.containsExactly(lantern);
	}

	@Test
	void anotherReplicasWritesAreSeenAfterTheRefresh() {
		InteractionProperties properties = new InteractionProperties(new InteractionProperties.RateLimit(60, 100),
				Duration.ofDays(365), Duration.ofDays(30), new InteractionProperties.Recent(Duration.ofDays(30),
						Duration.ofMillis(200), Duration.ofMinutes(10), 1000));
		RecentActivity activity = new RecentActivity(this.mongoTemplate, properties, Clock.systemUTC());
		UUID shopper = UUID.randomUUID();
		Instant since = Instant.now().minus(Duration.ofDays(1));
		assertThat(activity.recent(shopper, null, CART, since, 10)).isEmpty();

		UUID kettle = UUID.randomUUID();
		this.mongoTemplate.insert(Interaction.of(UUID.randomUUID(), InteractionType.CART_ADD, shopper, null, kettle,
				Instant.now()));
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(activity.recent(shopper, null, CART, since, 10))
				.extracting(LoggedInteraction::productId)
				.containsExactly(kettle));
	}

	@Test
	void whatMemoryDoesNotHoldIsReadFromTheDatabase() {
		UUID shopper = UUID.randomUUID();
		Instant now = Instant.now();
		UUID viewed = UUID.randomUUID();
		this.store.record(Interaction.of(UUID.randomUUID(), InteractionType.VIEW, shopper, null, viewed,
				now.minus(Duration.ofHours(2))));
		// 200 cart changes after it fill the shopper's entry: the older view is not in memory.
		List<Interaction> adds = new java.util.ArrayList<>();
		for (int i = 0; i < RecentActivity.PER_SHOPPER; i++) {
			adds.add(Interaction.of(UUID.randomUUID(), InteractionType.CART_ADD, shopper, null, UUID.randomUUID(),
					now.minus(Duration.ofMinutes(60)).plusSeconds(i)));
		}
		assertThat(this.store.recordAll(adds)).isEqualTo(RecentActivity.PER_SHOPPER);

		Instant since = now.minus(Duration.ofDays(1));
		assertThat(this.log.recent(shopper, null, CART, since, RecentActivity.PER_SHOPPER)).hasSize(200)
			.first()
			.satisfies((newest) -> assertThat(newest.productId()).isEqualTo(adds.getLast().productId()));
		assertThat(this.log.recent(shopper, null, VIEWS, since, 10)).extracting(LoggedInteraction::productId)
			.containsExactly(viewed);
		// Older than the window memory holds, and types it does not keep: from the database too.
		UUID old = UUID.randomUUID();
		this.mongoTemplate.insert(Interaction.of(UUID.randomUUID(), InteractionType.VIEW, shopper, null, old,
				now.minus(Duration.ofDays(40))));
		assertThat(this.log.recent(shopper, null, VIEWS, now.minus(Duration.ofDays(60)), 10))
			.extracting(LoggedInteraction::productId)
			.containsExactly(viewed, old);
		this.store.record(Interaction.of(UUID.randomUUID(), InteractionType.RECOMMENDATION_CLICK, shopper, null, old,
				now));
		assertThat(this.log.recent(shopper, null, EnumSet.of(InteractionType.RECOMMENDATION_CLICK), since, 10))
			.extracting(LoggedInteraction::productId)
			.containsExactly(old);
	}

}
