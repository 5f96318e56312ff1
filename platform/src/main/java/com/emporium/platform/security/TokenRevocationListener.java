package com.emporium.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListener;

/**
 * Feeds the {@link TokenDenylist} from the user service's revocation events
 * ({@value #TOKEN_REVOKED} and {@value #SESSIONS_REVOKED}). Every instance must see every event,
 * so each runs its own consumer group and, when it starts, reads back one token lifetime: the
 * revocations that may still matter. It reads the envelope's {@code data} as plain JSON, keeping no
 * copy of the user service's event classes; an event it cannot read is logged and skipped (it can
 * only make the list shorter, never refuse a good token).
 */
final class TokenRevocationListener implements MessageListener<String, byte[]>, ConsumerSeekAware {

	static final String TOKEN_REVOKED = "emporium.user.access-token-revoked.v1";

	static final String SESSIONS_REVOKED = "emporium.user.user-sessions-revoked.v1";

	private static final Logger log = LoggerFactory.getLogger(TokenRevocationListener.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TokenDenylist denylist;

	private final Duration lookBack;

	private final Clock clock;

	TokenRevocationListener(TokenDenylist denylist, Duration lookBack, Clock clock) {
		this.denylist = denylist;
		this.lookBack = lookBack;
		this.clock = clock;
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		long since = this.clock.instant().minus(this.lookBack).toEpochMilli();
		callback.seekToTimestamp(assignments.keySet(), since);
	}

	@Override
	public void onMessage(ConsumerRecord<String, byte[]> record) {
		try {
			JsonNode data = JSON.readTree(record.value()).path("data");
			switch (record.topic()) {
				case TOKEN_REVOKED -> this.denylist.revokeToken(text(data, "jti"), instant(data, "expiresAt"));
				case SESSIONS_REVOKED ->
					this.denylist.revokeSessions(text(data, "userId"), instant(data, "revokedBefore"));
				default -> log.warn("Ignored a record of topic={}", record.topic());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Skipped an unreadable revocation topic={} offset={}: {}", record.topic(), record.offset(),
					ex.toString());
		}
	}

	static Collection<String> topics() {
		return java.util.List.of(TOKEN_REVOKED, SESSIONS_REVOKED);
	}

	private static String text(JsonNode data, String field) {
		@Nullable String value = data.path(field).asString(null);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("no " + field);
		}
		return value;
	}

	private static Instant instant(JsonNode data, String field) {
		JsonNode value = data.path(field);
		if (value.isNumber()) {
			// Epoch seconds, with a fraction when a mapper writes dates as numbers.
			return Instant.ofEpochMilli(value.decimalValue().movePointRight(3).longValue());
		}
		return Instant.parse(text(data, field));
	}

}
