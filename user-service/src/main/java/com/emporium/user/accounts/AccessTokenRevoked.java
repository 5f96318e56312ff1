package com.emporium.user.accounts;

import java.time.Instant;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A user signed out: the access token {@code jti} must be refused until it expires
 * ({@code expiresAt}; a consumer can forget it after that). Topic
 * {@code emporium.user.access-token-revoked.v1}, key = user id.
 */
@Externalized("emporium.user.access-token-revoked.v1::#{#this.subject()}")
public record AccessTokenRevoked(UUID eventId, Instant occurredAt, String jti, UUID userId,
		Instant expiresAt) implements EmporiumEvent {

	@Override
	public String subject() {
		return this.userId.toString();
	}

}
