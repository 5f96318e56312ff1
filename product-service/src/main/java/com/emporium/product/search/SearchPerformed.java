package com.emporium.product.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A shopper searched. Topic {@code emporium.product.search-performed.v1}, key = search id;
 * contract in {@code docs/events.md}.
 *
 * @param filters the filters and sort sent, by parameter name (only those sent)
 * @param productIds the products of the page shown, in order
 */
@Externalized("emporium.product.search-performed.v1::#{#this.subject()}")
public record SearchPerformed(UUID eventId, Instant occurredAt, UUID searchId, String query, @Nullable UUID userId,
		@Nullable String sessionId, Map<String, Object> filters, long resultCount, List<UUID> productIds)
		implements EmporiumEvent {

	@Override
	public String subject() {
		return this.searchId.toString();
	}

}
