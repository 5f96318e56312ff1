package com.emporium.product.catalog;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds products to the catalog and reads them back. */
@Service
public class Catalog {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	private final Products products;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Catalog(Products products, ApplicationEventPublisher events, Clock clock) {
		this.products = products;
		this.events = events;
		this.clock = clock;
	}

	/** Stores the product and, in the same transaction, records {@link ProductCreated}. */
	@Transactional
	ProductView create(CreateProductRequest request) {
		Product product = this.products.save(new Product(UUID.randomUUID(), request.name().strip(),
				request.description(), request.price(), this.clock.instant()));
		this.events.publishEvent(ProductCreated.of(product, this.clock.instant()));
		log.info("Product created productId={}", product.id());
		return ProductView.of(product);
	}

	@Transactional(readOnly = true)
	ProductView get(UUID id) {
		return this.products.findById(id).map(ProductView::of).orElseThrow(() -> new NotFoundException("Product", id));
	}

	@Transactional(readOnly = true)
	Page<ProductView> list(Pageable pageable) {
		return this.products.findAll(pageable).map(ProductView::of);
	}

}
