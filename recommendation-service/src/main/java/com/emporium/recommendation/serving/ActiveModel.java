package com.emporium.recommendation.serving;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.NotFoundException;
import com.emporium.recommendation.engine.Recommender;
import com.emporium.recommendation.interaction.HistoryErased;
import com.emporium.recommendation.training.ExperimentProperties;
import com.emporium.recommendation.training.ModelActivated;
import com.emporium.recommendation.training.ModelUnavailableException;
import com.emporium.recommendation.training.ModelVersions;
import com.emporium.recommendation.training.ModelVersions.StoredModel;

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
 * <p>
 * When an account is deleted ({@link HistoryErased} with {@code accountDeleted}), the shopper is
 * dropped at once from what this replica serves, then from every stored version
 * ({@link ModelVersions#forget}). A rewritten version points at a new file of bytes; the poll
 * compares files too, so other replicas load the rewritten bytes within {@code model-refresh}.
 * Changes of what is served are made under this object's lock, so that a load or an activation
 * never puts back a model that still knows an erased shopper.
 */
@Component
class ActiveModel implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);

	private final ModelVersions versions;

	private final AtomicReference<@Nullable Served> active = new AtomicReference<>();

	private final AtomicReference<@Nullable Served> variantB = new AtomicReference<>();

	/** The pointer's version and its file when last read: the poll loads only when either changed. */
	private final AtomicReference<@Nullable Seen> seenPointer = new AtomicReference<>();

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
	synchronized void activated(ModelActivated activated) {
		if (!rewrittenSince(activated)) {
			this.active.set(new Served(activated.version(), activated.recommender(), activated.fileId()));
			this.seenPointer.set(new Seen(activated.version(), activated.fileId()));
		}
		else {
			// Rewritten without an erased account since the activation read it: serve what is stored.
			this.seenPointer.set(null);
			poll();
		}
		log.info("Serving model version={}", activated.version());
	}

	private boolean rewrittenSince(ModelActivated activated) {
		try {
			return !this.versions.fileOf(activated.version()).orElse(activated.fileId()).equals(activated.fileId());
		}
		catch (RuntimeException ex) {
			// The activation is stored: serve it; the poll checks the file again.
			log.warn("Could not check the activated model's file version={} reason={}", activated.version(),
					ex.toString());
			return false;
		}
	}

	/** Follows the active pointer (and its file), and loads variant B when an A/B test names one. */
	@Scheduled(initialDelayString = "${emporium.recommendation.serving.model-refresh:30s}",
			fixedDelayString = "${emporium.recommendation.serving.model-refresh:30s}")
	synchronized void poll() {
		try {
			Long pointer = this.versions.activeVersion().orElse(null);
			if (pointer != null) {
				Seen now = new Seen(pointer, this.versions.fileOf(pointer).orElse(null));
				if (!now.equals(this.seenPointer.get())) {
					Optional<Served> loaded = load(pointer);
					loaded.ifPresent(this.active::set);
					this.seenPointer.set(loaded.map(served -> new Seen(pointer, served.fileId())).orElse(now));
				}
			}
			loadVariantB();
		}
		catch (RuntimeException ex) {
			log.warn("Could not check the active model version reason={}", ex.toString());
		}
	}

	/**
	 * Drops a deleted account's shopper from the models: at once from what this replica serves,
	 * then from every stored version, then serves the rewritten bytes' models. Runs in the
	 * {@code UserDeleted} consumer: a failure fails the event, which is delivered again (and a
	 * repeat finds nothing left to forget).
	 */
	@EventListener
	synchronized void historyErased(HistoryErased erased) {
		if (!erased.accountDeleted()) {
			return;
		}
		String shopper = erased.userId().toString();
		Map<ObjectId, Recommender> loaded = new HashMap<>();
		for (AtomicReference<@Nullable Served> served : List.of(this.active, this.variantB)) {
			Served current = served.get();
			if (current == null) {
				continue;
			}
			loaded.put(current.fileId(), current.recommender());
			Recommender without = current.recommender().without(shopper);
			if (without != current.recommender()) {
				served.set(new Served(current.version(), without, current.fileId()));
				log.info("Erased account dropped from the served model version={}", current.version());
			}
		}
		for (StoredModel rewritten : this.versions.forget(shopper, loaded)) {
			for (AtomicReference<@Nullable Served> served : List.of(this.active, this.variantB)) {
				Served current = served.get();
				if (current != null && current.version() == rewritten.version()) {
					served.set(new Served(rewritten.version(), rewritten.recommender(), rewritten.fileId()));
				}
			}
			Seen seen = this.seenPointer.get();
			if (seen != null && seen.version() == rewritten.version()) {
				this.seenPointer.set(new Seen(rewritten.version(), rewritten.fileId()));
			}
		}
	}

	/** Loads the active version (and variant B) again, whatever is loaded: at start-up. */
	synchronized void reload() {
		this.seenPointer.set(null);
		poll();
	}

	/** Serves nothing: lists come from the catalog's fallbacks, as on a fresh install (for tests). */
	synchronized void clear() {
		this.active.set(null);
	}

	/** Another A/B test than configured (for tests): variant B is loaded now. */
	synchronized void experiment(ExperimentProperties experiment) {
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
		else if (loaded == null || loaded.version() != version
				|| !Objects.equals(loaded.fileId(), this.versions.fileOf(version).orElse(null))) {
			load(version).ifPresent(this.variantB::set);
		}
	}

	private Optional<Served> load(long version) {
		try {
			StoredModel stored = this.versions.loadStored(version);
			Served served = new Served(version, stored.recommender(), stored.fileId());
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

	/**
	 * A loaded version.
	 * @param fileId the stored file its models were read from or written to
	 */
	record Served(long version, Recommender recommender, ObjectId fileId) {

		Served {
			Objects.requireNonNull(recommender);
			Objects.requireNonNull(fileId);
		}

	}

	/** The active pointer and the file its version pointed at, as last read. */
	private record Seen(long version, @Nullable ObjectId fileId) {
	}

	/** @param served null when no version is loaded */
	record Choice(@Nullable Served served, String variant) {
	}

}
