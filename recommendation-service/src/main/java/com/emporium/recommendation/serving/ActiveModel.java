package com.emporium.recommendation.serving;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.NotFoundException;
import com.emporium.recommendation.engine.Recommender;
import com.emporium.recommendation.training.ExperimentProperties;
import com.emporium.recommendation.training.ModelActivated;
import com.emporium.recommendation.training.ModelUnavailableException;
import com.emporium.recommendation.training.ModelVersions;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The model versions this replica serves: the active one (variant A) and, during an A/B test,
 * variant B. Each is an immutable, thread-safe {@link Recommender} behind an atomic reference: an
 * activation swaps it in one write, and a request that read the old one finishes with it.
 * <p>
 * Loaded at start-up from GridFS; swapped at once when this replica activates a version
 * ({@link ModelActivated}); and every {@code model-refresh} the active pointer is read, so that an
 * activation on another replica reaches this one. A version that cannot be loaded leaves the
 * current one serving (or none: then lists come from the catalog's fallbacks).
 */
@Component
class ActiveModel implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);

	private final ModelVersions versions;

	private final AtomicReference<@Nullable Served> active = new AtomicReference<>();

	private final AtomicReference<@Nullable Served> variantB = new AtomicReference<>();

	/** The pointer's version when last read: the poll loads only when it changed. */
	private final AtomicReference<@Nullable Long> seenPointer = new AtomicReference<>();

	private volatile ExperimentProperties experiment;

	ActiveModel(ModelVersions versions, ExperimentProperties experiment) {
		this.versions = versions;
		this.experiment = experiment;
	}

	@Override
	public void afterPropertiesSet() {
		reload();
	}

	/** The version serving this shopper's variant, and the variant; none when nothing is loaded. */
	Choice choose(@Nullable String shopperKey) {
		String variant = AbSplit.variant(shopperKey, this.experiment);
		if (AbSplit.B.equals(variant)) {
			Served b = this.variantB.get();
			if (b != null) {
				return new Choice(b, AbSplit.B);
			}
		}
		return new Choice(this.active.get(), AbSplit.A);
	}

	/** The active version, if one is loaded. */
	Optional<Served> active() {
		return Optional.ofNullable(this.active.get());
	}

	@EventListener
	void activated(ModelActivated activated) {
		this.active.set(new Served(activated.version(), activated.recommender()));
		this.seenPointer.set(activated.version());
		log.info("Serving model version={}", activated.version());
	}

	/** Follows the active pointer, and loads variant B when an A/B test names one. */
	@Scheduled(initialDelayString = "${emporium.recommendation.serving.model-refresh:30s}",
			fixedDelayString = "${emporium.recommendation.serving.model-refresh:30s}")
	void poll() {
		try {
			Long pointer = this.versions.activeVersion().orElse(null);
			if (pointer != null && !pointer.equals(this.seenPointer.get())) {
				load(pointer).ifPresent(served -> this.active.set(served));
				this.seenPointer.set(pointer);
			}
			loadVariantB();
		}
		catch (RuntimeException ex) {
			log.warn("Could not check the active model version reason={}", ex.toString());
		}
	}

	/** Loads the active version (and variant B) again, whatever is loaded: at start-up. */
	synchronized void reload() {
		this.seenPointer.set(null);
		poll();
	}

	/** Serves nothing: lists come from the catalog's fallbacks, as on a fresh install (for tests). */
	void clear() {
		this.active.set(null);
	}

	/** Another A/B test than configured (for tests): variant B is loaded now. */
	void experiment(ExperimentProperties experiment) {
		this.experiment = experiment;
		this.variantB.set(null);
		loadVariantB();
	}

	private void loadVariantB() {
		ExperimentProperties experiment = this.experiment;
		Long version = experiment.splitting() ? experiment.variantBVersion() : null;
		Served loaded = this.variantB.get();
		if (version == null) {
			this.variantB.set(null);
		}
		else if (loaded == null || loaded.version() != version) {
			load(version).ifPresent(this.variantB::set);
		}
	}

	private Optional<Served> load(long version) {
		try {
			Served served = new Served(version, this.versions.load(version));
			log.info("Model version loaded version={} items={} shoppers={}", version,
					served.recommender().itemCount(), served.recommender().userCount());
			return Optional.of(served);
		}
		catch (ModelUnavailableException | NotFoundException ex) {
			// For good: tried again only when another version is activated. Anything else (MongoDB
			// unreachable) propagates, and the next poll tries again.
			log.error("Model version cannot be served version={} reason={}", version, ex.getBody().getDetail());
			return Optional.empty();
		}
	}

	/** A loaded version. */
	record Served(long version, Recommender recommender) {

		Served {
			Objects.requireNonNull(recommender);
		}

	}

	/** @param served null when no version is loaded */
	record Choice(@Nullable Served served, String variant) {
	}

}
