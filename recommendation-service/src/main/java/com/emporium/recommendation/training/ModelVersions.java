package com.emporium.recommendation.training;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 */
@Service
public class ModelVersions {

	static final String BUCKET = "models";

	private static final Logger log = LoggerFactory.getLogger(ModelVersions.class);

	private static final String POINTERS = "model_activation";

	private static final String ACTIVE = "active";

	private static final String COUNTERS = "counters";

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
		ModelVersion stored = find(version).orElseThrow(() -> new NotFoundException("model version", version));
		if (stored.fileId() == null) {
			throw new ModelUnavailableException(version, "its bytes were removed (only the newest "
					+ this.properties.keepVersions() + " versions keep them)");
		}
		try (InputStream in = bucket().openDownloadStream(stored.fileId())) {
			return ModelFiles.read(in);
		}
		catch (MongoGridFSException gone) {
			throw new ModelUnavailableException(version, "its bytes are missing from GridFS");
		}
		catch (IOException | RuntimeException unreadable) {
			log.warn("Model version unreadable version={} reason={}", version, unreadable.toString());
			throw new ModelUnavailableException(version, "its bytes cannot be read");
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
	 */
	ModelVersion activate(long version, Recommender recommender, String reason) {
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
		this.events.publishEvent(new ModelActivated(version, recommender));
		return find(version).orElseThrow();
	}

	/**
	 * Staff's activation of any stored version (roll back or forward): its bytes are read first,
	 * so a version that cannot be served is refused and the active one stays.
	 */
	ModelVersion activateStored(long version) {
		ModelVersion stored = find(version).orElseThrow(() -> new NotFoundException("model version", version));
		Recommender recommender = load(version);
		String reason = (stored.status() == VersionStatus.ACTIVE) ? stored.reason()
				: "activated by staff; it was %s: %s".formatted(stored.status(), stored.reason());
		return activate(version, recommender, reason);
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
		List<Document> stored = this.mongo.find(withBytes, Document.class, "model_versions");
		GridFSBucket bucket = bucket();
		int keep = Math.min(stored.size(), this.properties.keepVersions());
		for (Document version : stored.subList(keep, stored.size())) {
			long number = ((Number) version.get("_id")).longValue();
			if ((active != null && active == number) || (variantB != null && variantB == number)) {
				continue;
			}
			try {
				bucket.delete(version.getObjectId("fileId"));
			}
			catch (MongoGridFSException alreadyGone) {
				log.debug("Model bytes already gone version={}", number);
			}
			this.mongo.updateFirst(byVersion(number), new Update().unset("fileId"), ModelVersion.class);
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
