package com.emporium.recommendation.serving;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.recommendation.interaction.HistoryErased;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The lists served, remembered for {@code served-list-retention} by a TTL index; a shopper's are
 * forgotten at once when their history is erased. A list is written behind the answer: queued,
 * and stored with the others of the last {@code served-list-flush} in one insert, so that serving
 * waits on no database. Every read here stores what is queued first; so does a clean shutdown. A
 * crash loses at most the lists of that last interval (their clicks then count without their list).
 */
@Component
public class ServedLists implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ServedLists.class);

	/** The most lists waiting; past it, a list is stored by the request that served it. */
	private static final int QUEUE = 20_000;

	private final MongoTemplate mongo;

	private final ServingProperties properties;

	private final BlockingQueue<ServedList> queued = new LinkedBlockingQueue<>(QUEUE);

	private final ScheduledExecutorService writer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("served-lists").factory());

	ServedLists(MongoTemplate mongo, ServingProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(ServedList.class)
			.createIndex(new Index().on("servedAt", Sort.Direction.ASC)
				.expire(this.properties.servedListRetention())
				.named("served_at_ttl"));
		this.mongo.indexOps(ServedList.class)
			.createIndex(new Index().on("userId", Sort.Direction.ASC).sparse().named("user_id"));
		long interval = this.properties.servedListFlush().toMillis();
		this.writer.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.writer.shutdown();
		this.writer.awaitTermination(5, TimeUnit.SECONDS);
		flushQuietly();
	}

	void remember(ServedList list) {
		if (!this.queued.offer(list)) {
			this.mongo.insert(list);
		}
	}

	/** Stores every list queued so far. */
	synchronized void flush() {
		List<ServedList> lists = new ArrayList<>();
		while (this.queued.drainTo(lists, 1_000) > 0) {
			this.mongo.insertAll(lists);
			lists.clear();
		}
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			// Lost, not retried: attribution counts their clicks without the list.
			log.warn("Could not store served lists: {}", ex.getMessage());
		}
	}

	@EventListener
	void historyErased(HistoryErased erased) {
		flush();
		this.mongo.remove(Query.query(Criteria.where("userId").is(erased.userId())), ServedList.class);
	}

	/** The lists of these ids that are still remembered, by id. */
	public Map<String, ServedList> find(Collection<String> recommendationIds) {
		if (recommendationIds.isEmpty()) {
			return Map.of();
		}
		flush();
		return this.mongo.find(Query.query(Criteria.where("_id").in(recommendationIds)), ServedList.class)
			.stream()
			.collect(Collectors.toMap(ServedList::recommendationId, Function.identity()));
	}

}
