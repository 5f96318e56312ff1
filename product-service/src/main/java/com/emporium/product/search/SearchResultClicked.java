package com.emporium.product.search;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A shopper opened a result of a search. Topic {@code emporium.product.search-result-clicked.v1},
 * key = search id (so a search and its clicks keep their order); contract in
 * {@code docs/events.md}.
 *
 * @param position where the result was shown, from 1 (across pages)
 */
@Externalized("emporium.product.search-result-clicked.v1::#{#this.subject()}")
public record SearchResultClicked(UUID eventId, Instant occurredAt, UUID searchId, UUID productId, int position,
		String query, @Nullable UUID userId, @Nullable String sessionId) implements EmporiumEvent {

	@Override
	public String subject() {
		return this.searchId.toString();
	}

}
