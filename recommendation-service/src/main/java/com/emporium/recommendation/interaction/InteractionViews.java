package com.emporium.recommendation.interaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** What the endpoints return, and who calls them. */
final class InteractionViews {

	private InteractionViews() {
	}

	/** The caller's account id: the token's subject, which must be a user id. */
	static UUID userId(Jwt jwt) {
		try {
			return UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException notAUser) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
					"Your token does not name a user account, so you have no interaction history.");
		}
	}

	/**
	 * One of a shopper's own interactions.
	 * @param productName the product's name in the catalog replica (null when unknown to it)
	 * @param productDeleted whether the product is gone from the catalog since
	 */
	record OwnInteraction(InteractionType type, UUID productId, @Nullable String productName, boolean productDeleted,
			Instant occurredAt, @Nullable Integer quantity, @Nullable BigDecimal unitPrice, @Nullable String currency,
			@Nullable Integer position, @Nullable Integer rating, @Nullable UUID orderId,
			@Nullable String recommendationId, @Nullable String algorithm, @Nullable String context) {

		static OwnInteraction of(Interaction interaction, @Nullable String productName, boolean productDeleted) {
			return new OwnInteraction(interaction.type(), interaction.productId(), productName, productDeleted,
					interaction.occurredAt(), interaction.quantity(), interaction.unitPrice(), interaction.currency(),
					interaction.position(), interaction.rating(), interaction.orderId(), interaction.recommendationId(),
					interaction.algorithm(), interaction.context());
		}

	}

	/** An interaction as staff see it (and as the export writes it, without the nulls). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StoredInteraction(UUID eventId, InteractionType type, @Nullable UUID userId, @Nullable String sessionId,
			UUID productId, Instant occurredAt, @Nullable Integer quantity, @Nullable BigDecimal unitPrice,
			@Nullable String currency, @Nullable Integer position, @Nullable Integer rating, @Nullable UUID orderId,
			@Nullable UUID cartId, @Nullable String recommendationId, @Nullable String algorithm,
			@Nullable String context) {

		static StoredInteraction of(Interaction interaction) {
			return new StoredInteraction(interaction.eventId(), interaction.type(), interaction.userId(),
					interaction.sessionId(), interaction.productId(), interaction.occurredAt(), interaction.quantity(),
					interaction.unitPrice(), interaction.currency(), interaction.position(), interaction.rating(),
					interaction.orderId(), interaction.cartId(), interaction.recommendationId(), interaction.algorithm(),
					interaction.context());
		}

	}

	/** @param recorded how many interactions were stored (repeats and deleted products are not) */
	record Recorded(int recorded) {
	}

}
