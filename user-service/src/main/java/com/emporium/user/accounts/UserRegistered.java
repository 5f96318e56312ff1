package com.emporium.user.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A vendor registered. Topic {@code emporium.user.user-registered.v1}, key = user id; contract in
 * {@code docs/events.md}. Carries no personal data beyond the public username.
 */
@Externalized("emporium.user.user-registered.v1::#{#this.subject()}")
public record UserRegistered(UUID eventId, Instant occurredAt, UUID userId, String username,
		List<String> roles) implements EmporiumEvent {

	static UserRegistered of(User user, Instant now) {
		return new UserRegistered(UUID.randomUUID(), now, user.id(), user.username(), user.roles());
	}

	@Override
	public String subject() {
		return this.userId.toString();
	}

}
