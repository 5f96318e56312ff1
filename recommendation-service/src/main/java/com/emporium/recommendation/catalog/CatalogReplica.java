package com.emporium.recommendation.catalog;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.events.EventEnvelope;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;

/**
 * Keeps {@code catalog_products} current from catalog events. Idempotent twice over: the event id is
 * remembered in {@code processed_events} (a unique key decides), and the write itself is an upsert
 * keyed by product id, so a crash between the two cannot duplicate a product either.
 */
@Service
public class CatalogReplica {

	static final String CONSUMER = "catalog-replica";

	private static final Logger log = LoggerFactory.getLogger(CatalogReplica.class);

	private final MongoTemplate mongo;

	CatalogReplica(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@KafkaListener(id = "catalog-replica-product-created", topics = "emporium.product.product-created.v1")
	void on(EventEnvelope<ProductCreated> event) {
		ProductCreated product = event.data();
		if (product == null || product.productId() == null || product.name() == null || product.priceAmount() == null
				|| product.priceCurrency() == null) {
			throw new MalformedEventException(
					"ProductCreated " + event.id() + " lacks productId, name, priceAmount or priceCurrency");
		}
		try {
			this.mongo.insert(new ProcessedEvent(CONSUMER + ":" + event.id(), Instant.now()));
		}
		catch (DuplicateKeyException duplicate) {
			log.debug("Skipping duplicate event eventId={}", event.id());
			return;
		}
		this.mongo.save(new CatalogProduct(product.productId(), product.name(), product.priceAmount(),
				product.priceCurrency(), event.time(), event.id()));
		log.info("Catalog replica added productId={}", product.productId());
	}

	/** The newest products, for the "new arrivals" list. */
	public List<CatalogProduct> newest(int limit) {
		return this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
				CatalogProduct.class);
	}

	/** An event we can read but not use: it goes to the dead-letter topic with this message. */
	static final class MalformedEventException extends RuntimeException {

		MalformedEventException(String message) {
			super(message);
		}

	}

}
