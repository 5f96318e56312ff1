package com.emporium.recommendation.catalog;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An event this service has applied; the id ({@code consumer:eventId}) is the unique key. */
@Document("processed_events")
record ProcessedEvent(@Id String id, Instant processedAt) {
}
