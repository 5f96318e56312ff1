package com.emporium.user.accounts;

import java.time.Instant;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A user signed out everywhere: refuse every access token of {@code userId} issued
 * ({@code iat}) before {@code revokedBefore}; a consumer can forget this after
 * {@code revokedBefore} + the access token lifetime. Topic
 * {@code emporium.user.user-sessions-revoked.v1}, key = user id.
 */
@Externalized("emporium.user.user-sessions-revoked.v1::#{#this.subject()}")
public record UserSessionsRevoked(UUID eventId, Instant occurredAt, UUID userId,
		Instant revokedBefore) implements EmporiumEvent {

	@Override
	public String subject() {
		return this.userId.toString();
	}

}
