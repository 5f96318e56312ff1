package com.emporium.product.views;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.emporium.product.catalog.Popularity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes a batch of noted views in one transaction: counts, recently viewed rows and events. */
@Service
class ViewLedger {

	private final Popularity popularity;

	private final RecentlyViewed recentlyViewed;

	private final ApplicationEventPublisher events;

	private final ViewProperties properties;

	ViewLedger(Popularity popularity, RecentlyViewed recentlyViewed, ApplicationEventPublisher events,
			ViewProperties properties) {
		this.popularity = popularity;
		this.recentlyViewed = recentlyViewed;
		this.events = events;
		this.properties = properties;
	}

	@Transactional
	void record(List<ViewCounter.NotedView> views) {
		Map<UUID, Long> counts = new LinkedHashMap<>();
		Set<UUID> users = new LinkedHashSet<>();
		for (ViewCounter.NotedView view : views) {
			if (view.counted()) {
				counts.merge(view.productId(), 1L, Long::sum);
				this.events.publishEvent(new ProductViewed(UUID.randomUUID(), view.at(), view.productId(), view.userId(),
						view.sessionId()));
			}
			if (view.userId() != null) {
				users.add(view.userId());
			}
		}
		this.popularity.addViews(counts);
		this.recentlyViewed.add(views.stream().filter(view -> view.userId() != null).toList());
		users.forEach(user -> this.recentlyViewed.trim(user, this.properties.recentlyViewed()));
	}

}
