package com.emporium.user.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One entry of the audit log: the snapshots as they were recorded (null when there was none). */
record AuditEntryView(long id, Instant occurredAt, UUID actorId, AuditAction action, UUID targetId,
		@Nullable Map<String, Object> before, @Nullable Map<String, Object> after) {
}
