package com.emporium.recommendation.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A product as the recommender knows it; the id is the catalog's product id. */
@Document("catalog_products")
record CatalogProduct(@Id UUID id, String name, BigDecimal price, String currency, @Indexed Instant createdAt,
		UUID lastEventId) {
}
