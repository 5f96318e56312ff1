package com.emporium.recommendation.training;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.recommendation.catalog.CatalogReplica;
import com.emporium.recommendation.engine.EngineSettings;
import com.emporium.recommendation.engine.Evaluation;
import com.emporium.recommendation.engine.InteractionWeights;
import com.emporium.recommendation.engine.Recommender;
import com.emporium.recommendation.engine.TimeSplit;
import com.emporium.recommendation.interaction.InteractionLog;
import com.emporium.recommendation.interaction.LoggedInteraction;
import com.emporium.recommendation.training.Gate.Decision;
import com.emporium.recommendation.training.ModelVersion.Counts;
import com.emporium.recommendation.training.ModelVersion.EvaluationSummary;
import com.emporium.recommendation.training.ModelVersion.ModelMetrics;
import com.emporium.recommendation.training.ModelVersion.VersionStatus;
import com.emporium.recommendation.training.TrainingLock.Held;
import com.emporium.recommendation.training.TrainingRun.Phase;
import com.emporium.recommendation.training.TrainingRun.RunStatus;
import com.emporium.recommendation.training.TrainingRun.Trigger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Training runs: started nightly and on demand, each under the training lock, on a virtual thread
 * of its own so that neither the scheduler nor the request waits. A run loads, evaluates, trains
 * and stores; the gate then activates or rejects the new version. Whatever fails, the run is
 * recorded FAILED and the active version keeps serving: nothing is activated before the end.
 */
@Service
public class TrainingRuns implements InitializingBean, DisposableBean {

	/** The cut-off of every metric: NDCG@10, HR@10, ... */
	static final int K = 10;

	static final String NOT_EVALUATED = "not evaluated: too little data (no shopper bought two or more products "
			+ "in the test window after buying before it)";

	private static final Logger log = LoggerFactory.getLogger(TrainingRuns.class);

	private final MongoTemplate mongo;

	private final InteractionLog interactions;

	private final CatalogReplica catalog;

	private final ModelVersions versions;

	private final TrainingLock lock;

	private final TrainingProperties properties;

	private final Clock clock;

	/**
	 * Where runs train: a platform thread each. Training is seconds of CPU without a blocking call,
	 * and a virtual thread holds its carrier for as long: one of the scheduler's carriers (one per
	 * core) would serve no request for the whole run. On 2 cores, a poll of the run answered 504
	 * while a virtual thread trained.
	 */
	private final ExecutorService executor = Executors
		.newThreadPerTaskExecutor(Thread.ofPlatform().name("training-run-", 0).daemon(true).factory());

	TrainingRuns(MongoTemplate mongo, InteractionLog interactions, CatalogReplica catalog, ModelVersions versions,
			TrainingLock lock, TrainingProperties properties, Clock clock) {
		this.mongo = mongo;
		this.interactions = interactions;
		this.catalog = catalog;
		this.versions = versions;
		this.lock = lock;
		this.properties = properties;
		this.clock = clock;
		// Settings the engine refuses fail the start-up, not the first run at 3 a.m.
		properties.engine().settings();
		properties.weights().weights();
	}

	/** Runs are listed newest first. */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(TrainingRun.class)
			.createIndex(new Index().on("queuedAt", Sort.Direction.DESC).named("queued_at"));
	}

	/** Staff asked for a run: started, or refused while one is in progress. */
	TrainingRun startOnDemand() {
		return start(Trigger.ON_DEMAND, this.properties).orElseThrow(TrainingInProgressException::new);
	}

	/**
	 * Starts a run for the demo history just replayed (trigger {@code DEMO}), in the background.
	 * @return the run's id, or empty when another run holds the lock
	 */
	public Optional<UUID> startForDemo() {
		return start(Trigger.DEMO, this.properties).map(TrainingRun::id);
	}

	/** The nightly run; a replica that finds another one training records that it skipped. */
	@Scheduled(cron = "${emporium.recommendation.training.cron:0 0 3 * * *}")
	void scheduled() {
		if (start(Trigger.SCHEDULED, this.properties).isEmpty()) {
			this.mongo.insert(TrainingRun.skipped(UUID.randomUUID(), Trigger.SCHEDULED, this.lock.owner(),
					this.clock.instant(), "skipped: another replica is training"));
			log.info("Scheduled training skipped: another replica is training");
		}
	}

	/**
	 * Takes the lock and starts a run with these settings (tests pass other tolerances and limits).
	 * @return the queued run, or empty when another run holds the lock
	 */
	Optional<TrainingRun> start(Trigger trigger, TrainingProperties settings) {
		Optional<Held> acquired = this.lock.tryAcquire();
		if (acquired.isEmpty()) {
			return Optional.empty();
		}
		Held held = acquired.get();
		try {
			failAbandoned();
			TrainingRun run = TrainingRun.queued(UUID.randomUUID(), trigger, this.lock.owner(), this.clock.instant());
			this.mongo.insert(run);
			log.info("Training run queued runId={} trigger={}", run.id(), trigger);
			this.executor.execute(() -> execute(run.id(), settings, held));
			return Optional.of(run);
		}
		catch (RuntimeException ex) {
			held.close();
			throw ex;
		}
	}

	Optional<TrainingRun> find(UUID id) {
		return Optional.ofNullable(this.mongo.findById(id, TrainingRun.class));
	}

	/** Newest first. */
	Page<TrainingRun> list(@Nullable RunStatus status, Pageable page) {
		Query query = (status != null) ? Query.query(Criteria.where("status").is(status)) : new Query();
		List<TrainingRun> runs = this.mongo.find(
				Query.of(query).with(page).with(Sort.by(Sort.Order.desc("queuedAt"), Sort.Order.desc("_id"))),
				TrainingRun.class);
		return PageableExecutionUtils.getPage(runs, page, () -> this.mongo.count(query, TrainingRun.class));
	}

	/**
	 * Runs left QUEUED or RUNNING while nobody holds the lock belong to a replica that stopped
	 * mid-run: they will never finish.
	 */
	private void failAbandoned() {
		Query unfinished = Query
			.query(Criteria.where("status").in(RunStatus.QUEUED.name(), RunStatus.RUNNING.name()));
		long abandoned = this.mongo.updateMulti(unfinished,
				new Update().set("status", RunStatus.FAILED)
					.set("finishedAt", this.clock.instant())
					.set("error", "abandoned: the replica running it stopped before it finished"),
				TrainingRun.class)
			.getModifiedCount();
		if (abandoned > 0) {
			log.warn("Training runs abandoned by a stopped replica marked failed runs={}", abandoned);
		}
	}

	private void execute(UUID id, TrainingProperties settings, Held held) {
		Progress progress = new Progress(id);
		try (held) {
			progress.start();
			EngineSettings engine = settings.engine().settings();
			InteractionWeights weights = settings.weights().weights();
			Instant now = this.clock.instant();

			long found = this.interactions.count(now, TrainingInput.TYPES);
			if (found > settings.maxInteractions()) {
				throw new TrainingFailedException(("%d interactions exceed emporium.recommendation.training."
						+ "max-interactions (%d): raise it, and the heap with it").formatted(found,
								settings.maxInteractions()));
			}
			TrainingInput input = new TrainingInput(this.catalog.loadAll());
			try (Stream<LoggedInteraction> stream = this.interactions.stream(null, now, TrainingInput.TYPES)) {
				input.addAll(stream);
			}
			Counts counts = input.counts();
			progress.next(Phase.EVALUATING, new Update().set("counts", counts));

			Instant cut = now.minus(settings.testWindow());
			TimeSplit split = TimeSplit.of(input.purchases(), cut, now, 2);
			EvaluationSummary evaluation;
			List<ModelMetrics> metrics;
			if (split.truth().isEmpty()) {
				evaluation = new EvaluationSummary(false, NOT_EVALUATED, cut, K, 0);
				metrics = List.of();
			}
			else {
				evaluation = new EvaluationSummary(true, null, cut, K, split.truth().size());
				metrics = new Evaluation(split, input.catalog(), weights, K).run(engine)
					.stream()
					.map(ModelMetrics::of)
					.toList();
			}
			progress.next(Phase.TRAINING, new Update().set("testShoppers", evaluation.testShoppers()));

			Recommender trained = Recommender.train(input.interactions(), input.catalog(), now, engine, weights);
			List<String> deleted = deletedAccountsKnownTo(trained);
			if (!deleted.isEmpty()) {
				log.info("Training run learnt from deleted accounts: forgetting them runId={} accounts={}", id,
						deleted.size());
			}
			Recommender recommender = trained.without(deleted);
			progress.next(Phase.STORING, new Update());

			if (!held.held()) {
				throw new TrainingFailedException("the training lock was lost to another replica; nothing was stored");
			}
			long version = this.versions.nextVersion();
			ModelVersions.Stored stored = this.versions.write(version, recommender);
			this.versions.insert(new ModelVersion(version, this.clock.instant(), now, id, VersionStatus.CANDIDATE,
					"awaiting the gate", evaluation, metrics, counts, settings(settings),
					recommender.personalisedFailure().orElse(null), stored.fileId(), stored.size(), null, null));
			ModelVersions.StoredModel served = forgetDeletedAccounts(version, stored.fileId(), recommender);
			Decision decision = Gate.decide(metrics, this.versions.active().orElse(null), settings.tolerance());
			if (decision.activate()) {
				this.versions.activate(version, served.recommender(), served.fileId(), decision.reason());
			}
			else {
				this.versions.reject(version, decision.reason());
				log.info("Model version rejected version={} reason=\"{}\"", version, decision.reason());
			}
			this.versions.purge();
			progress.succeeded(version, decision);
		}
		catch (TrainingFailedException ex) {
			log.warn("Training run failed runId={} phase={} reason=\"{}\"", id, progress.phase, ex.getMessage());
			progress.failed(ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			log.error("Training run failed runId={} phase={}", id, progress.phase, ex);
			progress.failed(describe(ex));
		}
		catch (OutOfMemoryError ex) {
			log.error("Training run ran out of memory runId={} phase={}", id, progress.phase);
			progress.failed(
					"out of memory: raise the heap, or lower emporium.recommendation.training.max-interactions");
		}
	}

	/**
	 * The version as it may be served: without any deleted account it learnt from. Interactions of
	 * deleted accounts are erased and refused, but an account deleted while this run read them can
	 * be in what it learnt. The trained models are checked before they are stored, and the stored
	 * version once more after its document exists: an erasure after that finds the version and
	 * rewrites it itself ({@link ModelVersions#forget}).
	 */
	private ModelVersions.StoredModel forgetDeletedAccounts(long version, ObjectId fileId,
			Recommender recommender) {
		List<String> known = deletedAccountsKnownTo(recommender);
		if (known.isEmpty()) {
			return new ModelVersions.StoredModel(version, fileId, recommender);
		}
		log.info("Training run learnt from accounts deleted meanwhile: forgetting them version={} accounts={}",
				version, known.size());
		return this.versions.storeWithout(version, fileId, recommender, known)
			.orElseThrow(() -> new TrainingFailedException("the bytes of version " + version
					+ " were removed before they could be served"));
	}

	/** The deleted accounts a recommender knows, as its shopper keys. */
	private List<String> deletedAccountsKnownTo(Recommender recommender) {
		try (Stream<UUID> deleted = this.interactions.deletedAccounts()) {
			return deleted.map(UUID::toString).filter(recommender::knowsUser).toList();
		}
	}

	private static String describe(Exception ex) {
		return (ex.getMessage() != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
				: ex.getClass().getSimpleName();
	}

	/** The settings a version was trained with, as stored with it: durations in days. */
	private static Map<String, Object> settings(TrainingProperties settings) {
		TrainingProperties.Engine engine = settings.engine();
		TrainingProperties.Weights weights = settings.weights();
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("neighbours", engine.neighbours());
		stored.put("trendingHalfLifeDays", days(engine.trendingHalfLife()));
		stored.put("recencyHalfLifeDays", days(engine.recencyHalfLife()));
		stored.put("minBasketSupport", engine.minBasketSupport());
		stored.put("clusters", engine.clusters());
		stored.put("candidatesPerGenerator", engine.candidatesPerGenerator());
		stored.put("labelWindowDays", days(engine.labelWindow()));
		stored.put("labelWindows", engine.labelWindows());
		stored.put("negativesPerUser", engine.negativesPerUser());
		stored.put("excludeBought", engine.excludeBought());
		stored.put("seed", engine.seed());
		stored.put("weights", Map.of("view", weights.view(), "searchClick", weights.searchClick(), "wishlist",
				weights.wishlist(), "cart", weights.cart(), "purchase", weights.purchase()));
		stored.put("testWindowDays", days(settings.testWindow()));
		stored.put("tolerance", settings.tolerance());
		return stored;
	}

	private static double days(Duration duration) {
		return duration.toSeconds() / 86_400.0;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/** Writes a run's progress as it goes: status, phase, and each finished phase's wall time. */
	private final class Progress {

		private final UUID id;

		private final Map<String, Double> seconds = new LinkedHashMap<>();

		@Nullable Phase phase;

		private long phaseStarted;

		Progress(UUID id) {
			this.id = id;
		}

		void start() {
			this.phase = Phase.LOADING;
			this.phaseStarted = System.nanoTime();
			write(new Update().set("status", RunStatus.RUNNING)
				.set("startedAt", TrainingRuns.this.clock.instant())
				.set("phase", Phase.LOADING));
			log.info("Training run started runId={}", this.id);
		}

		void next(Phase next, Update update) {
			finishPhase();
			this.phase = next;
			write(update.set("phase", next).set("phaseSeconds", this.seconds));
		}

		void succeeded(long version, Decision decision) {
			finishPhase();
			write(new Update().set("status", RunStatus.SUCCEEDED)
				.set("finishedAt", TrainingRuns.this.clock.instant())
				.set("phaseSeconds", this.seconds)
				.set("version", version)
				.set("decision", decision.activate() ? "ACTIVATED" : "REJECTED")
				.set("reason", decision.reason()));
			log.info("Training run succeeded runId={} version={} activated={}", this.id, version, decision.activate());
		}

		void failed(String error) {
			try {
				write(new Update().set("status", RunStatus.FAILED)
					.set("finishedAt", TrainingRuns.this.clock.instant())
					.set("phaseSeconds", this.seconds)
					.set("error", error));
			}
			catch (RuntimeException ex) {
				// MongoDB is gone too: the next run that takes the lock marks this one abandoned.
				log.warn("Could not record a failed training run runId={} reason={}", this.id, ex.toString());
			}
		}

		private void finishPhase() {
			if (this.phase != null) {
				this.seconds.put(this.phase.name().toLowerCase(java.util.Locale.ROOT),
						(System.nanoTime() - this.phaseStarted) / 1e9);
			}
			this.phaseStarted = System.nanoTime();
		}

		private void write(Update update) {
			TrainingRuns.this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.id)), update,
					TrainingRun.class);
		}

	}

}
