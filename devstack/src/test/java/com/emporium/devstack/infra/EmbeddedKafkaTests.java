package com.emporium.devstack.infra;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedKafkaTests {

	@TempDir
	Path temp;

	@Test
	void keepsTopicsAndRecordsAcrossARestartOnTheSameDirectory() throws Exception {
		Path logs = this.temp.resolve("kafka");
		try (EmbeddedKafka kafka = EmbeddedKafka.start(logs, 0, 0)) {
			produce(kafka.bootstrapServers(), "emporium.test.created.v1", "order-1", "{\"n\":1}");
			assertThat(consume(kafka.bootstrapServers(), "emporium.test.created.v1", 1)).containsExactly("order-1={\"n\":1}");
		}
		try (EmbeddedKafka kafka = EmbeddedKafka.start(logs, 0, 0)) {
			produce(kafka.bootstrapServers(), "emporium.test.created.v1", "order-2", "{\"n\":2}");
			assertThat(consume(kafka.bootstrapServers(), "emporium.test.created.v1", 2))
				.containsExactly("order-1={\"n\":1}", "order-2={\"n\":2}");
		}
	}

	@Test
	void refusesATakenPortWithOneLineNamingTheVariable() throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			assertThatExceptionOfType(PortInUseException.class)
				.isThrownBy(() -> EmbeddedKafka.start(null, taken.getLocalPort(), 0))
				.withMessage("Port %d (Kafka) is already in use: stop what uses it or set EMPORIUM_KAFKA_PORT to a free port."
					.formatted(taken.getLocalPort()));
		}
	}

	private static void produce(String bootstrapServers, String topic, String key, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
		}
	}

	private static List<String> consume(String bootstrapServers, String topic, int count) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<String> values = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (values.size() < count && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					values.add(record.key() + "=" + record.value());
				}
			}
		}
		return values;
	}

}
