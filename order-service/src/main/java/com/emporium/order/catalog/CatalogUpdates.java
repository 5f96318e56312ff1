package com.emporium.order.catalog;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.order.MalformedEventException;
import com.emporium.order.catalog.ProductEvents.ProductCreated;
import com.emporium.order.catalog.ProductEvents.ProductDeleted;
import com.emporium.order.catalog.ProductEvents.ProductUpdated;
import com.emporium.order.catalog.ProductEvents.StockChanged;
import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.events.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the read model current from product-service's events. Idempotent: each event id is recorded
 * in {@code processed_event} in the same transaction as its effect, so a re-delivered event changes
 * nothing. One product's events share a key and so keep their order; a {@code ProductUpdated} older
 * than what we have is ignored by its version anyway.
 */
@Component
class CatalogUpdates {

	static final String CONSUMER = "catalog";

	private static final Logger log = LoggerFactory.getLogger(CatalogUpdates.class);

	private final Catalog catalog;

	private final ProcessedEvents processedEvents;

	CatalogUpdates(Catalog catalog, ProcessedEvents processedEvents) {
		this.catalog = catalog;
		this.processedEvents = processedEvents;
	}

	// The group is the service's (spring.kafka.consumer.group-id), not the listener id.
	@KafkaListener(id = "catalog-product-created", idIsGroup = false, topics = "emporium.product.product-created.v1")
	@Transactional
	public void created(EventEnvelope<ProductCreated> event) {
		ProductCreated product = MalformedEventException.data(event);
		if (product.productId() == null || product.name() == null || product.priceAmount() == null
				|| product.priceCurrency() == null) {
			throw new MalformedEventException(event, "productId, name, priceAmount or priceCurrency");
		}
		if (firstDelivery(event)) {
			this.catalog.created(product.productId(), product.storeId(), product.name(), product.priceAmount(),
					product.priceCurrency(), !Boolean.FALSE.equals(product.active()));
		}
	}

	@KafkaListener(id = "catalog-product-updated", idIsGroup = false, topics = "emporium.product.product-updated.v1")
	@Transactional
	public void updated(EventEnvelope<ProductUpdated> event) {
		ProductUpdated product = MalformedEventException.data(event);
		if (product.productId() == null || product.name() == null || product.priceAmount() == null
				|| product.priceCurrency() == null || product.active() == null || product.version() == null) {
			throw new MalformedEventException(event, "productId, name, priceAmount, priceCurrency, active or version");
		}
		if (firstDelivery(event) && !this.catalog.updated(product.productId(), product.storeId(), product.name(),
				product.priceAmount(), product.priceCurrency(), product.active(), product.version())) {
			log.debug("Ignoring an older or late update productId={} version={}", product.productId(),
					product.version());
		}
	}

	@KafkaListener(id = "catalog-product-deleted", idIsGroup = false, topics = "emporium.product.product-deleted.v1")
	@Transactional
	public void deleted(EventEnvelope<ProductDeleted> event) {
		ProductDeleted product = MalformedEventException.data(event);
		if (product.productId() == null) {
			throw new MalformedEventException(event, "productId");
		}
		if (firstDelivery(event)) {
			this.catalog.deleted(product.productId());
		}
	}

	@KafkaListener(id = "catalog-stock-changed", idIsGroup = false, topics = "emporium.product.stock-changed.v1")
	@Transactional
	public void stockChanged(EventEnvelope<StockChanged> event) {
		StockChanged stock = MalformedEventException.data(event);
		if (stock.productId() == null || stock.sku() == null || stock.sku().isBlank() || stock.available() == null
				|| stock.available() < 0) {
			throw new MalformedEventException(event, "productId, sku or a non-negative available");
		}
		if (firstDelivery(event)) {
			this.catalog.stockChanged(stock.productId(), stock.sku(), stock.available());
		}
	}

	private boolean firstDelivery(EventEnvelope<?> event) {
		UUID id = event.id();
		if (id == null || !this.processedEvents.firstDelivery(CONSUMER, id)) {
			log.debug("Skipping duplicate event eventId={}", id);
			return false;
		}
		return true;
	}

}
