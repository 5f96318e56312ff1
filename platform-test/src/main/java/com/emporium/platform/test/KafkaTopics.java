package com.emporium.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Raw access to the topics of the embedded broker ({@link EmbeddedInfrastructure#kafka()}), for
 * sending what another service would send (including malformed payloads) and for asserting the
 * events and dead letters a service produced.
 *
 * <p>
 * Reads go from the beginning of the topic without a consumer group, so they see records of earlier
 * tests in the JVM too: match on the aggregate id rather than counting everything.
 *
 * <pre>{@code
 * KafkaTopics.send("emporium.order.order-placed.v1", orderId, json);
 * KafkaTopics.Record paid = KafkaTopics.awaitRecord("emporium.payment.payment-captured.v1",
 *         record -> record.key().equals(orderId), Duration.ofSeconds(10));
 * }</pre>
 */
public final class KafkaTopics {

	/** Default wait of the {@code await} methods that take no timeout. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

	private static KafkaProducer<byte[], byte[]> producer;

	private KafkaTopics() {
	}

	/**
	 * A record as read from a topic.
	 *
	 * @param topic the topic
	 * @param partition the partition
	 * @param offset the offset
	 * @param key the key as UTF-8, or {@code null}
	 * @param payload the value's bytes, or {@code null} for a tombstone
	 * @param headers the headers (last value wins for repeated names)
	 * @param timestamp the record timestamp
	 */
	public record Record(String topic, int partition, long offset, String key, byte[] payload,
			Map<String, byte[]> headers, Instant timestamp) {

		/**
		 * @return the value as UTF-8 text (JSON events), or {@code null}
		 */
		public String value() {
			return (this.payload != null) ? new String(this.payload, StandardCharsets.UTF_8) : null;
		}

		/**
		 * @param name a header name, e.g. {@code kafka_dlt-exception-message}
		 * @return its value as UTF-8 text, or {@code null}
		 */
		public String header(String name) {
			byte[] value = this.headers.get(name);
			return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
		}

		@Override
		public String toString() {
			return "%s-%d@%d %s=%s".formatted(this.topic, this.partition, this.offset, this.key, value());
		}

	}

	/**
	 * Sends a text record and waits until the broker has it.
	 * @param topic the topic (auto-created)
	 * @param key the key, or {@code null}
	 * @param value the value, e.g. JSON
	 */
	public static void send(String topic, String key, String value) {
		send(topic, key, (value != null) ? value.getBytes(StandardCharsets.UTF_8) : null, Map.of());
	}

	/**
	 * Sends raw bytes (e.g. a payload no deserialiser accepts) and waits until the broker has them.
	 * @param topic the topic (auto-created)
	 * @param key the key, or {@code null}
	 * @param value the value's bytes, or {@code null}
	 */
	public static void send(String topic, String key, byte[] value) {
		send(topic, key, value, Map.of());
	}

	/**
	 * Sends a record with headers and waits until the broker has it.
	 * @param topic the topic (auto-created)
	 * @param key the key, or {@code null}
	 * @param value the value's bytes, or {@code null}
	 * @param headers text headers
	 */
	public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
				(key != null) ? key.getBytes(StandardCharsets.UTF_8) : null, value);
		headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
		try {
			producer().send(record).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending to " + topic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send to %s: %s".formatted(topic, ex.getMessage()), ex);
		}
	}

	/**
	 * @param topic the topic
	 * @return every record on the topic now, oldest first (empty if the topic has none)
	 */
	public static List<Record> readAll(String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = partitions(consumer, topic);
			if (partitions.isEmpty()) {
				return List.of();
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<Record> records = new ArrayList<>();
			long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
			while (!reached(consumer, end) && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(100)).forEach(record -> records.add(toRecord(record)));
			}
			return records;
		}
	}

	/**
	 * Waits for the first record that matches.
	 * @param topic the topic
	 * @param matching which record, e.g. {@code record -> orderId.equals(record.key())}
	 * @param timeout how long to wait
	 * @return the first matching record
	 * @throws AssertionError listing what the topic held when none matched in time
	 */
	public static Record awaitRecord(String topic, Predicate<Record> matching, Duration timeout) {
		return awaitRecords(topic, matching, 1, timeout).get(0);
	}

	/**
	 * Waits for the first record of a topic, e.g. of a dead-letter topic that should get exactly one.
	 * @param topic the topic
	 * @param timeout how long to wait
	 * @return the first record
	 * @throws AssertionError if none arrives in time
	 */
	public static Record awaitRecord(String topic, Duration timeout) {
		return awaitRecord(topic, record -> true, timeout);
	}

	/**
	 * Waits until at least {@code count} records match.
	 * @param topic the topic
	 * @param matching which records count
	 * @param count how many are needed
	 * @param timeout how long to wait
	 * @return the matching records (at least {@code count}), oldest first
	 * @throws AssertionError listing what the topic held when fewer matched in time
	 */
	public static List<Record> awaitRecords(String topic, Predicate<Record> matching, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<Record> seen = new ArrayList<>();
		List<Record> matched = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = List.of();
			while (partitions.isEmpty() && System.nanoTime() < deadline) {
				partitions = partitions(consumer, topic);
				if (partitions.isEmpty()) {
					sleep(100);
				}
			}
			if (!partitions.isEmpty()) {
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				while (matched.size() < count && System.nanoTime() < deadline) {
					for (ConsumerRecord<byte[], byte[]> consumed : consumer.poll(Duration.ofMillis(100))) {
						Record record = toRecord(consumed);
						seen.add(record);
						if (matching.test(record)) {
							matched.add(record);
						}
					}
				}
			}
		}
		if (matched.size() < count) {
			throw new AssertionError("Expected %d matching record(s) on %s within %d ms but %d matched; the topic held %d: %s"
				.formatted(count, topic, timeout.toMillis(), matched.size(), seen.size(),
						seen.subList(Math.max(0, seen.size() - 20), seen.size())));
		}
		return matched;
	}

	/**
	 * Waits until the topic holds at least {@code count} records.
	 * @param topic the topic
	 * @param count how many are needed
	 * @param timeout how long to wait
	 * @return the records read (at least {@code count}), oldest first
	 * @throws AssertionError if fewer arrive in time
	 */
	public static List<Record> awaitRecords(String topic, int count, Duration timeout) {
		return awaitRecords(topic, record -> true, count, timeout);
	}

	static synchronized void closeProducer() {
		if (producer != null) {
			producer.close(Duration.ofSeconds(5));
			producer = null;
		}
	}

	private static synchronized KafkaProducer<byte[], byte[]> producer() {
		if (producer == null) {
			Map<String, Object> config = new LinkedHashMap<>();
			config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers());
			config.put(ProducerConfig.ACKS_CONFIG, "all");
			config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
			config.put(ProducerConfig.CLIENT_ID_CONFIG, "platform-test-kafka-topics");
			producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
		}
		return producer;
	}

	private static KafkaConsumer<byte[], byte[]> consumer() {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// Reading must not create the topic: a service's producer or listener decides its settings.
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		// Committed records only: a transactional producer's aborted sends are not events.
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "platform-test-kafka-topics");
		return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		List<PartitionInfo> infos;
		try {
			infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
		}
		catch (org.apache.kafka.common.errors.TimeoutException ex) {
			return List.of(); // not created yet
		}
		if (infos == null) {
			return List.of();
		}
		return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
	}

	private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
	}

	private static Record toRecord(ConsumerRecord<byte[], byte[]> record) {
		Map<String, byte[]> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), header.value());
		}
		return new Record(record.topic(), record.partition(), record.offset(),
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null, record.value(),
				Collections.unmodifiableMap(headers), Instant.ofEpochMilli(record.timestamp()));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading a topic", ex);
		}
	}

}
