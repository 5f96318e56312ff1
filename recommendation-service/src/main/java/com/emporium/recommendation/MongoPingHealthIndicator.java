package com.emporium.recommendation;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}, the command every MongoDB wire-protocol server answers. Boot's own
 * indicator sends {@code hello}, which the embedded devstack's server (mongo-java-server) does not
 * know, so the service would never report healthy there; {@code management.health.mongo.enabled}
 * is off and this one is registered as {@code mongo} instead
 * (the contributor name is the bean name without its {@code HealthIndicator} suffix).
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	MongoPingHealthIndicator(MongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = this.mongo.executeCommand(new Document("ping", 1));
		builder.status(answer.get("ok", Number.class).intValue() == 1 ? "UP" : "DOWN");
	}

}
