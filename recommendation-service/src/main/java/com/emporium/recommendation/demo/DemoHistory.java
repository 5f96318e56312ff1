package com.emporium.recommendation.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.recommendation.catalog.CatalogReplica;
import com.emporium.recommendation.demo.PurchaseFile.Purchase;
import com.emporium.recommendation.demo.PurchaseFile.Row;
import com.emporium.recommendation.interaction.InteractionLog;
import com.emporium.recommendation.interaction.PastPurchase;
import com.emporium.recommendation.training.ModelVersions;
import com.emporium.recommendation.training.TrainingRuns;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Replays the demo purchase history once, on a virtual thread of its own after start-up, when
 * enabled. It waits until the catalog replica knows the demo's products (their SKUs are
 * {@code UCI-<StockCode>}), records every purchase line of a known product as a {@code PURCHASE} of
 * a made-up customer, with every date moved by the same amount so that the last purchase was a day
 * ago, and, when no model version is active yet, starts a training run.
 * <p>
 * Every id is a name-based UUID of what the file says (customer, invoice, invoice and line), so a
 * replay stopped midway and started again records nothing twice; the move of the dates is stored
 * when the first attempt starts and reused by the next ones. A completed replay is recorded in
 * {@code demo_replays}, and later starts do nothing.
 */
@Component
@EnableConfigurationProperties(DemoProperties.class)
class DemoHistory implements DisposableBean {

	static final String REPLAYS = "demo_replays";

	static final String REPLAY_ID = "uci-online-retail";

	/** The demo catalog's SKUs are this and the data set's stock code. */
	static final String SKU_PREFIX = "UCI-";

	static final String CURRENCY = "GBP";

	/** The data set's dates are UK time. */
	static final ZoneId UK = ZoneId.of("Europe/London");

	/** How long before the replay the last purchase is moved to. */
	static final Duration LAST_PURCHASE_AGO = Duration.ofDays(1);

	/**
	 * The share of the demo's products the replica must know before the replay starts without
	 * waiting for the rest: then it starts once their number stops growing between two looks.
	 */
	static final double ENOUGH_KNOWN = 0.9;

	static final int BATCH = 5000;

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	private final DemoProperties properties;

	private final ResourceLoader resources;

	private final CatalogReplica catalog;

	private final InteractionLog interactions;

	private final ModelVersions versions;

	private final TrainingRuns training;

	private final MongoTemplate mongo;

	private final Clock clock;

	private volatile @Nullable Thread worker;

	private volatile boolean stopping;

	DemoHistory(DemoProperties properties, ResourceLoader resources, CatalogReplica catalog,
			InteractionLog interactions, ModelVersions versions, TrainingRuns training, MongoTemplate mongo,
			Clock clock) {
		this.properties = properties;
		this.resources = resources;
		this.catalog = catalog;
		this.interactions = interactions;
		this.versions = versions;
		this.training = training;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Starts the replay in the background when enabled: start-up never waits for it. A platform
	 * thread: reading the file is seconds of CPU, which on a virtual thread would hold one of the
	 * scheduler's carriers (one per core) from the requests meanwhile.
	 */
	@EventListener(ApplicationReadyEvent.class)
	synchronized void applicationReady() {
		if (this.properties.enabled() && this.worker == null) {
			this.worker = Thread.ofPlatform().name("demo-history").daemon(true).start(this::replayInBackground);
		}
	}

	private void replayInBackground() {
		try {
			replay();
		}
		catch (InterruptedException | CancellationException stopped) {
			log.info("Demo history replay stopped with the service; it resumes at the next start");
		}
		catch (RuntimeException ex) {
			if (this.stopping) {
				log.info("Demo history replay stopped with the service; it resumes at the next start");
			}
			else {
				log.warn("Demo history replay failed; it is tried again at the next start", ex);
			}
		}
	}

	/**
	 * Replays the demo history, unless a completed replay is recorded: waits for the catalog replica,
	 * records the purchases, starts a training run when no version is active, and records the replay.
	 * @return what it did; empty when the history was replayed before, when the file holds no
	 * purchase, or when the replica knew none of its products in time (tried again at the next start)
	 * @throws InterruptedException when stopped while waiting for the catalog
	 */
	Optional<Replayed> replay() throws InterruptedException {
		if (this.mongo.exists(byId().addCriteria(Criteria.where("completedAt").exists(true)), REPLAYS)) {
			log.debug("Demo history replayed before: nothing to do");
			return Optional.empty();
		}
		long started = System.nanoTime();
		Resource file = this.resources.getResource(this.properties.file());
		Scan scan = new Scan();
		PurchaseFile.read(file, scan);
		LocalDateTime latest = scan.latest;
		if (latest == null) {
			log.warn("Demo history not replayed: {} holds no purchase", this.properties.file());
			return Optional.empty();
		}
		List<String> skus = scan.stockCodes.stream().map(code -> SKU_PREFIX + code).toList();
		Map<String, UUID> products = awaitCatalog(skus);
		if (products.isEmpty()) {
			log.warn("Demo history not replayed: after {} the catalog replica knows none of its {} products; "
					+ "it is tried again at the next start", this.properties.catalogWait(), skus.size());
			return Optional.empty();
		}
		if (products.size() < ENOUGH_KNOWN * skus.size()) {
			log.warn("Demo history replayed against part of the catalog: the replica knows {} of its {} products "
					+ "after {}", products.size(), skus.size(), this.properties.catalogWait());
		}
		Replay replay = new Replay(products, shift(latest.atZone(UK).toInstant()));
		PurchaseFile.read(file, replay);
		replay.flush();
		UUID trainingRunId = null;
		if (this.versions.activeVersion().isEmpty()) {
			trainingRunId = this.training.startForDemo().orElse(null);
			if (trainingRunId == null) {
				log.info("Demo history not trained at once: another replica is training");
			}
		}
		Replayed replayed = new Replayed(replay.purchases, replay.recorded, replay.sent - replay.recorded,
				replay.unknownProducts, replay.malformed, replay.customers.size(), replay.orders.size(),
				products.size(), skus.size(), trainingRunId);
		complete(replayed);
		log.info(
				"Demo history replayed purchases={} recorded={} alreadyRecorded={} unknownProducts={} malformed={} "
						+ "customers={} orders={} productsKnown={}/{} trainingRunId={} seconds={}",
				replayed.purchases(), replayed.recorded(), replayed.alreadyRecorded(), replayed.unknownProducts(),
				replayed.malformed(), replayed.customers(), replayed.orders(), replayed.productsKnown(),
				replayed.products(), trainingRunId,
				String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
		return Optional.of(replayed);
	}

	/**
	 * The products of these SKUs, once the replica knows all of them, or enough of them and no more
	 * arrive between two looks, or once {@code catalog-wait} is over.
	 */
	private Map<String, UUID> awaitCatalog(List<String> skus) throws InterruptedException {
		Instant deadline = this.clock.instant().plus(this.properties.catalogWait());
		int previous = -1;
		while (true) {
			Map<String, UUID> known = this.catalog.productIdsBySku(skus);
			boolean settled = known.size() >= ENOUGH_KNOWN * skus.size() && known.size() == previous;
			if (known.size() == skus.size() || settled || !this.clock.instant().isBefore(deadline)) {
				return known;
			}
			log.debug("Demo history waits for the catalog replica known={} products={}", known.size(), skus.size());
			previous = known.size();
			Thread.sleep(this.properties.catalogPoll());
		}
	}

	/**
	 * How far every date moves: the last purchase to a day before the first attempt. Stored with
	 * that attempt, so that an attempt stopped midway and the next one move dates alike.
	 */
	private Duration shift(Instant latest) {
		Instant now = this.clock.instant();
		Document replay = this.mongo.findAndModify(byId(),
				new Update().setOnInsert("startedAt", now)
					.setOnInsert("shiftMillis", Duration.between(latest, now.minus(LAST_PURCHASE_AGO)).toMillis()),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, REPLAYS);
		return Duration.ofMillis(((Number) replay.get("shiftMillis")).longValue());
	}

	private void complete(Replayed replayed) {
		this.mongo.updateFirst(byId(), new Update().set("completedAt", this.clock.instant())
			.set("file", this.properties.file())
			.set("purchases", replayed.purchases())
			.set("recorded", replayed.recorded())
			.set("alreadyRecorded", replayed.alreadyRecorded())
			.set("unknownProducts", replayed.unknownProducts())
			.set("malformed", replayed.malformed())
			.set("customers", replayed.customers())
			.set("orders", replayed.orders())
			.set("productsKnown", replayed.productsKnown())
			.set("products", replayed.products())
			.set("trainingRunId", replayed.trainingRunId()), REPLAYS);
	}

	private static Query byId() {
		return Query.query(Criteria.where("_id").is(REPLAY_ID));
	}

	/** A demo customer's user id. */
	static UUID customerId(String customerId) {
		return nameBased("emporium-demo-customer-" + customerId);
	}

	/** A demo invoice's order id. */
	static UUID orderId(String invoiceNo) {
		return nameBased("emporium-demo-invoice-" + invoiceNo);
	}

	/** A purchase line's event id: its invoice and its line number in the file. */
	static UUID purchaseId(String invoiceNo, int line) {
		return nameBased("emporium-demo-purchase-" + invoiceNo + "-" + line);
	}

	private static UUID nameBased(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		Thread running = this.worker;
		if (running != null) {
			running.interrupt();
			running.join(Duration.ofSeconds(5));
		}
	}

	/**
	 * What a replay did.
	 * @param purchases the purchase lines read
	 * @param recorded the purchases stored by this replay
	 * @param alreadyRecorded purchases of known products stored before (by a replay stopped midway),
	 * or of an erased history
	 * @param unknownProducts purchase lines skipped: no product of the replica sells their SKU
	 * @param malformed lines skipped: they could not be read
	 * @param customers the customers of the purchases of known products
	 * @param orders the invoices of the purchases of known products
	 * @param productsKnown the file's products that the replica knows
	 * @param products the file's products (distinct stock codes)
	 * @param trainingRunId the training run started, if no version was active
	 */
	record Replayed(long purchases, long recorded, long alreadyRecorded, long unknownProducts, long malformed,
			int customers, int orders, int productsKnown, int products, @Nullable UUID trainingRunId) {
	}

	/** The first pass: which products the file names, and its latest date. */
	private static final class Scan implements Consumer<Row> {

		final Set<String> stockCodes = new HashSet<>();

		@Nullable LocalDateTime latest;

		@Override
		public void accept(Row row) {
			Purchase purchase = row.purchase();
			if (purchase != null) {
				this.stockCodes.add(purchase.stockCode());
				if (this.latest == null || purchase.invoiceDate().isAfter(this.latest)) {
					this.latest = purchase.invoiceDate();
				}
			}
		}

	}

	/** The second pass: records the purchases of known products, a batch at a time. */
	private final class Replay implements Consumer<Row> {

		final Map<String, UUID> products;

		final Duration shift;

		final List<PastPurchase> batch = new ArrayList<>(BATCH);

		final Set<String> customers = new HashSet<>();

		final Set<String> orders = new HashSet<>();

		long purchases;

		long sent;

		long recorded;

		long unknownProducts;

		long malformed;

		Replay(Map<String, UUID> products, Duration shift) {
			this.products = products;
			this.shift = shift;
		}

		@Override
		public void accept(Row row) {
			Purchase purchase = row.purchase();
			if (purchase == null) {
				this.malformed++;
				return;
			}
			this.purchases++;
			UUID productId = this.products.get((SKU_PREFIX + purchase.stockCode()).toLowerCase(Locale.ROOT));
			if (productId == null) {
				this.unknownProducts++;
				return;
			}
			this.customers.add(purchase.customerId());
			this.orders.add(purchase.invoiceNo());
			this.batch.add(new PastPurchase(purchaseId(purchase.invoiceNo(), row.line()),
					customerId(purchase.customerId()), productId, orderId(purchase.invoiceNo()),
					purchase.invoiceDate().atZone(UK).toInstant().plus(this.shift), purchase.quantity(),
					purchase.unitPrice(), CURRENCY));
			if (this.batch.size() == BATCH) {
				flush();
			}
		}

		void flush() {
			if (Thread.currentThread().isInterrupted()) {
				throw new CancellationException("stopped");
			}
			if (!this.batch.isEmpty()) {
				this.sent += this.batch.size();
				this.recorded += DemoHistory.this.interactions.recordPurchases(this.batch);
				this.batch.clear();
			}
		}

	}

}
