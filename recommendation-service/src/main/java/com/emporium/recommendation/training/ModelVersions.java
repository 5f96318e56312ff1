package com.emporium.recommendation.training;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.MongoException;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.NotFoundException;
import com.emporium.recommendation.engine.ModelFiles;
import com.emporium.recommendation.engine.Recommender;
import com.emporium.recommendation.training.ModelVersion.VersionStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/**
 * The stored model versions: their documents, their bytes in GridFS (bucket {@code models}) and
 * which one is active. The active version is one pointer document ({@code model_activation}),
 * swapped by one atomic write, so that replicas polling it never see two active versions; the
 * versions' {@code status} follows it for display.
 * <p>
 * A version's bytes are written again, without a shopper, when that shopper's account is deleted
 * ({@link #forget}): the version then points at a new file, swapped by a compare-and-set on the
 * old one, so that two rewrites of one version never lose each other's erasure. Replicas notice
 * the new file as they notice a new activation.
 */
@Service
public class ModelVersions {

	static final String BUCKET = "models";

	private static final Logger log = LoggerFactory.getLogger(ModelVersions.class);

	private static final String POINTERS = "model_activation";

	private static final String ACTIVE = "active";

	private static final String COUNTERS = "counters";

	private static final String VERSIONS = "model_versions";

	private final MongoTemplate mongo;

	private final ApplicationEventPublisher events;

	private final TrainingProperties properties;

	private final ExperimentProperties experiment;

	private final Clock clock;

	ModelVersions(MongoTemplate mongo, ApplicationEventPublisher events, TrainingProperties properties,
			ExperimentProperties experiment, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.properties = properties;
		this.experiment = experiment;
		this.clock = clock;
	}

	/** The active version's number, if any version was ever activated. */
	public Optional<Long> activeVersion() {
		Document pointer = this.mongo.findById(ACTIVE, Document.class, POINTERS);
		return (pointer != null && pointer.get("version") instanceof Number version) ? Optional.of(version.longValue())
				: Optional.empty();
	}

	/**
	 * Reads a stored version's models.
	 * @throws NotFoundException when no such version was stored
	 * @throws ModelUnavailableException when its bytes are purged or cannot be read
	 */
	public Recommender load(long version) {
		return loadStored(version).recommender();
	}

	/**
	 * Reads a stored version's models, and says which file of bytes they were read from.
	 * @throws NotFoundException when no such version was stored
	 * @throws ModelUnavailableException when its bytes are purged or cannot be read
	 */
	public StoredModel loadStored(long version) {
		ModelVersion stored = find(version).orElseThrow(() -> new NotFoundException("model version", version));
		ObjectId fileId = stored.fileId();
		if (fileId == null) {
			throw new ModelUnavailableException(version, "its bytes were removed (only the newest "
					+ this.properties.keepVersions() + " versions keep them)");
		}
		try (InputStream in = bucket().openDownloadStream(fileId)) {
			return new StoredModel(version, fileId, ModelFiles.read(in));
		}
		catch (MongoGridFSException gone) {
			throw new ModelUnavailableException(version, "its bytes are missing from GridFS");
		}
		catch (IOException | RuntimeException unreadable) {
			log.warn("Model version unreadable version={} reason={}", version, unreadable.toString());
			throw new ModelUnavailableException(version, "its bytes cannot be read");
		}
	}

	/** The file that holds a version's bytes now; empty for an unknown version or one whose bytes were removed. */
	public Optional<ObjectId> fileOf(long version) {
		Query query = byVersion(version);
		query.fields().include("fileId");
		Document found = this.mongo.findOne(query, Document.class, VERSIONS);
		return Optional.ofNullable((found != null) ? found.getObjectId("fileId") : null);
	}

	/**
	 * Forgets a shopper in every stored version that keeps bytes (the active one, the A/B variant,
	 * candidates, rejected and retired ones: any of them can be activated again): each version whose
	 * models know the shopper is written again without them ({@link Recommender#without(String)})
	 * and points at the new file; the old file is deleted. Versions that do not know the shopper
	 * are left as they are, so a repeat does nothing. A version whose bytes cannot be read cannot be
	 * served either and is skipped.
	 * @param shopper the shopper's key: a user id
	 * @param loaded models this replica holds already, by the file they were read from, unchanged:
	 * they are not read again
	 * @return the versions written again, with their new file and models
	 */
	public List<StoredModel> forget(String shopper, Map<ObjectId, Recommender> loaded) {
		Query withBytes = Query.query(Criteria.where("fileId").ne(null)).with(Sort.by(Sort.Direction.DESC, "_id"));
		withBytes.fields().include("_id", "fileId");
		List<StoredModel> rewritten = new ArrayList<>();
		for (Document version : this.mongo.find(withBytes, Document.class, VERSIONS)) {
			long number = ((Number) version.get("_id")).longValue();
			ObjectId fileId = version.getObjectId("fileId");
			storeWithout(number, fileId, loaded.get(fileId), List.of(shopper))
				.filter(stored -> !stored.fileId().equals(fileId))
				.ifPresent(rewritten::add);
		}
		return rewritten;
	}

	/**
	 * Makes a version's stored bytes free of these shoppers: reads them (unless {@code model}, read
	 * from {@code fileId}, is given), and when they know any of the shoppers writes them again
	 * without and points the version at the new file, provided it still points at
	 * {@code fileId}. When another rewrite got there first, its file is read and checked in turn.
	 * @return the version's file and models as stored now (the same file when there was nothing to
	 * forget); empty when the version has no readable bytes any more
	 */
	Optional<StoredModel> storeWithout(long version, ObjectId fileId, @Nullable Recommender model,
			Collection<String> shoppers) {
		ObjectId current = fileId;
		Recommender read = model;
		for (int attempt = 1;; attempt++) {
			if (read == null) {
				read = readQuietly(version, current);
				if (read == null) {
					return Optional.empty();
				}
			}
			Recommender forgotten = read.without(shoppers);
			if (forgotten == read) {
				return Optional.of(new StoredModel(version, current, read));
			}
			Stored stored;
			try {
				stored = write(version, forgotten);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			boolean swapped = this.mongo
				.updateFirst(byVersion(version).addCriteria(Criteria.where("fileId").is(current)),
						new Update().set("fileId", stored.fileId()).set("sizeBytes", stored.size()), ModelVersion.class)
				.getMatchedCount() > 0;
			if (swapped) {
				deleteFile(version, current);
				log.info("Model version rewritten without an erased account version={} sizeBytes={}", version,
						stored.size());
				return Optional.of(new StoredModel(version, stored.fileId(), forgotten));
			}
			deleteFile(version, stored.fileId());
			Optional<ObjectId> now = fileOf(version);
			if (now.isEmpty()) {
				return Optional.empty();
			}
			if (attempt == 3) {
				// Tried again by whoever called: the erasure's consumer, or the training run.
				throw new IllegalStateException("Model version " + version + " kept being rewritten by others");
			}
			current = now.get();
			read = null;
		}
	}

	/** A version's models from one of its files; null (and logged) when the bytes are gone or unreadable. */
	private @Nullable Recommender readQuietly(long version, ObjectId fileId) {
		try (InputStream in = bucket().openDownloadStream(fileId)) {
			return ModelFiles.read(in);
		}
		catch (MongoGridFSException gone) {
			log.debug("Model bytes gone while forgetting version={}", version);
			return null;
		}
		catch (MongoException unreachable) {
			// Not the bytes' fault: the caller tries again.
			throw unreachable;
		}
		catch (IOException | RuntimeException unreadable) {
			log.warn("Model version unreadable: not rewritten version={} reason={}", version, unreadable.toString());
			return null;
		}
	}

	private void deleteFile(long version, ObjectId fileId) {
		try {
			bucket().delete(fileId);
		}
		catch (MongoGridFSException alreadyGone) {
			log.debug("Model bytes already gone version={}", version);
		}
	}

	Optional<ModelVersion> find(long version) {
		return Optional.ofNullable(this.mongo.findById(version, ModelVersion.class));
	}

	/** The active version's document, if any. */
	Optional<ModelVersion> active() {
		return activeVersion().flatMap(this::find);
	}

	/** Newest first. */
	Page<ModelVersion> list(Pageable page) {
		Query all = new Query();
		List<ModelVersion> versions = this.mongo
			.find(Query.of(all).with(page).with(Sort.by(Sort.Direction.DESC, "_id")), ModelVersion.class);
		return PageableExecutionUtils.getPage(versions, page, () -> this.mongo.count(all, ModelVersion.class));
	}

	/** The status to show: a version that says ACTIVE but is no longer the pointer's is retired. */
	VersionStatus status(ModelVersion version, @Nullable Long active) {
		if (active != null && active == version.version()) {
			return VersionStatus.ACTIVE;
		}
		return (version.status() == VersionStatus.ACTIVE) ? VersionStatus.RETIRED : version.status();
	}

	/** The next version number: a counter, so that two runs never share one. */
	long nextVersion() {
		Document counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is("model_version")),
				new Update().inc("value", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, COUNTERS);
		return ((Number) counter.get("value")).longValue();
	}

	/** Writes a recommender's bytes to GridFS, streamed: nothing but a buffer is held twice. */
	Stored write(long version, Recommender recommender) throws IOException {
		GridFSUploadOptions options = new GridFSUploadOptions().chunkSizeBytes(1 << 20)
			.metadata(new Document("version", version));
		GridFSUploadStream upload = bucket().openUploadStream("model-v" + version, options);
		Counting counting = new Counting(upload);
		try {
			ModelFiles.write(recommender, counting);
			counting.flush();
			upload.close();
		}
		catch (IOException | RuntimeException ex) {
			upload.abort();
			throw ex;
		}
		return new Stored(upload.getObjectId(), counting.count);
	}

	void insert(ModelVersion version) {
		this.mongo.insert(version);
	}

	void reject(long version, String reason) {
		this.mongo.updateFirst(byVersion(version),
				new Update().set("status", VersionStatus.REJECTED).set("reason", reason), ModelVersion.class);
	}

	/**
	 * Makes a version the active one: the pointer first (the truth), then the statuses, then the
	 * in-process event that swaps what this replica serves.
	 * @param fileId the file {@code recommender} was written to or read from
	 */
	ModelVersion activate(long version, Recommender recommender, ObjectId fileId, String reason) {
		Instant now = this.clock.instant();
		Document previous = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(ACTIVE)),
				new Update().set("version", version).set("activatedAt", now),
				FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, POINTERS);
		this.mongo.updateFirst(byVersion(version), new Update().set("status", VersionStatus.ACTIVE)
			.set("activatedAt", now)
			.set("reason", reason), ModelVersion.class);
		if (previous != null && previous.get("version") instanceof Number old && old.longValue() != version) {
			this.mongo.updateFirst(byVersion(old.longValue()),
					new Update().set("status", VersionStatus.RETIRED).set("retiredAt", now), ModelVersion.class);
		}
		log.info("Model version activated version={} reason=\"{}\"", version, reason);
		this.events.publishEvent(new ModelActivated(version, recommender, fileId));
		return find(version).orElseThrow();
	}

	/**
	 * Staff's activation of any stored version (roll back or forward): its bytes are read first,
	 * so a version that cannot be served is refused and the active one stays.
	 */
	ModelVersion activateStored(long version) {
		ModelVersion stored = find(version).orElseThrow(() -> new NotFoundException("model version", version));
		StoredModel model = loadStored(version);
		String reason = (stored.status() == VersionStatus.ACTIVE) ? stored.reason()
				: "activated by staff; it was %s: %s".formatted(stored.status(), stored.reason());
		return activate(version, model.recommender(), model.fileId(), reason);
	}

	/**
	 * Removes the bytes of versions older than the newest {@code keepVersions} that keep bytes,
	 * except the active version and A/B variant B; their documents stay, as history.
	 */
	void purge() {
		Long active = activeVersion().orElse(null);
		Long variantB = this.experiment.variantBVersion();
		Query withBytes = Query.query(Criteria.where("fileId").ne(null)).with(Sort.by(Sort.Direction.DESC, "_id"));
		withBytes.fields().include("_id", "fileId");
		List<Document> stored = this.mongo.find(withBytes, Document.class, VERSIONS);
		GridFSBucket bucket = bucket();
		int keep = Math.min(stored.size(), this.properties.keepVersions());
		for (Document version : stored.subList(keep, stored.size())) {
			long number = ((Number) version.get("_id")).longValue();
			if ((active != null && active == number) || (variantB != null && variantB == number)) {
				continue;
			}
			ObjectId fileId = version.getObjectId("fileId");
			try {
				bucket.delete(fileId);
			}
			catch (MongoGridFSException alreadyGone) {
				log.debug("Model bytes already gone version={}", number);
			}
			// Only if not rewritten meanwhile (an erasure): then the new file stays until the next purge.
			this.mongo.updateFirst(byVersion(number).addCriteria(Criteria.where("fileId").is(fileId)),
					new Update().unset("fileId"), ModelVersion.class);
			log.info("Model bytes removed version={} keepVersions={}", number, this.properties.keepVersions());
		}
	}

	private GridFSBucket bucket() {
		return GridFSBuckets.create(this.mongo.getDb(), BUCKET);
	}

	private static Query byVersion(long version) {
		return Query.query(Criteria.where("_id").is(version));
	}

	/** @param fileId the GridFS file, @param size its bytes */
	record Stored(ObjectId fileId, long size) {
	}

	/**
	 * A stored version's models as read from, or written to, one file of bytes.
	 * @param version the version
	 * @param fileId the GridFS file they are in
	 * @param recommender the models
	 */
	public record StoredModel(long version, ObjectId fileId, Recommender recommender) {
	}

	private static final class Counting extends FilterOutputStream {

		long count;

		Counting(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
			this.count += length;
		}

	}

}
