package com.emporium.product.search;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.tasks.Periodic;

import org.springframework.stereotype.Component;

/**
 * Forgets searches (and their clicks) once no click can name them any more: every 10 minutes,
 * those older than the click window. Several instances doing it at once delete the same rows,
 * harmlessly; the events already told the recommendation service.
 */
@Component
class SearchHousekeeping extends Periodic {

	private static final Logger log = LoggerFactory.getLogger(SearchHousekeeping.class);

	private final Searches searches;

	private final SearchProperties properties;

	private final Clock clock;

	SearchHousekeeping(Searches searches, SearchProperties properties, Clock clock) {
		super("search-housekeeping", Duration.ofMinutes(10));
		this.searches = searches;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected void runOnce() {
		purge();
	}

	void purge() {
		try {
			int deleted = this.searches.deleteBefore(this.clock.instant().minus(this.properties.clickWindow()));
			if (deleted > 0) {
				log.info("Forgot old searches count={}", deleted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not forget old searches: {}", ex.toString());
		}
	}

}
