package com.emporium.user.accounts;

import java.time.Instant;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * An account was deleted (by its owner or an admin): its personal data is gone, its id stays.
 * Consumers erase what they keep about the person and keep what refers to the id (orders). Topic
 * {@code emporium.user.user-deleted.v1}, key = user id. Carries ids and the time only.
 */
@Externalized("emporium.user.user-deleted.v1::#{#this.subject()}")
public record UserDeleted(UUID eventId, Instant occurredAt, UUID userId) implements EmporiumEvent {

	@Override
	public String subject() {
		return this.userId.toString();
	}

}
