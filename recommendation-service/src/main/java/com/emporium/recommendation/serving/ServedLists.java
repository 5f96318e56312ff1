package com.emporium.recommendation.serving;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.emporium.recommendation.interaction.HistoryErased;

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
 * forgotten at once when their history is erased.
 */
@Component
public class ServedLists implements InitializingBean {

	private final MongoTemplate mongo;

	private final ServingProperties properties;

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
	}

	void remember(ServedList list) {
		this.mongo.insert(list);
	}

	@EventListener
	void historyErased(HistoryErased erased) {
		this.mongo.remove(Query.query(Criteria.where("userId").is(erased.userId())), ServedList.class);
	}

	/** The lists of these ids that are still remembered, by id. */
	public Map<String, ServedList> find(Collection<String> recommendationIds) {
		if (recommendationIds.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(recommendationIds)), ServedList.class)
			.stream()
			.collect(Collectors.toMap(ServedList::recommendationId, Function.identity()));
	}

}
