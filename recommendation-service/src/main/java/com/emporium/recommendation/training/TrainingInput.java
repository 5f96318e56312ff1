package com.emporium.recommendation.training;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import com.emporium.recommendation.catalog.CatalogItem;
import com.emporium.recommendation.engine.Interaction;
import com.emporium.recommendation.engine.ItemInfo;
import com.emporium.recommendation.interaction.InteractionType;
import com.emporium.recommendation.interaction.LoggedInteraction;
import com.emporium.recommendation.training.ModelVersion.Counts;

/**
 * What a training run learns from, mapped from the service's interactions and catalog replica to
 * the engine's records:
 * <ul>
 * <li>{@code PURCHASE} → {@code PURCHASE}, the order as the basket, with its quantity;</li>
 * <li>{@code CART_ADD} → {@code CART}; {@code WISHLIST_ADD} → {@code WISHLIST}; {@code VIEW} and
 * {@code SEARCH_CLICK} as they are;</li>
 * <li>{@code REVIEW} with a rating of 4 or 5 → {@code WISHLIST} (a liked product weighs like a
 * wished one); lower ratings teach nothing;</li>
 * <li>removals, recommendation impressions and clicks are left out: a removal undoes nothing the
 * engine counts, and a click is already a {@code VIEW} of the product page; impressions and clicks
 * are for attribution;</li>
 * <li>products the replica marks deleted are left out;</li>
 * <li>the shopper is the user id, or {@code session:<id>} for an anonymous one.</li>
 * </ul>
 * Products become {@link ItemInfo}: name and brand as text (the replica keeps no descriptions), the
 * category id as category, the tags. Ids are shared between interactions, so that millions of
 * interactions of thousands of shoppers hold each id once.
 */
final class TrainingInput {

	/** The interaction types a run reads. */
	static final Set<InteractionType> TYPES = EnumSet.of(InteractionType.VIEW, InteractionType.SEARCH_CLICK,
			InteractionType.CART_ADD, InteractionType.WISHLIST_ADD, InteractionType.PURCHASE, InteractionType.REVIEW);

	static final int LIKED_RATING = 4;

	private final List<Interaction> interactions = new ArrayList<>();

	private final List<Interaction> purchases = new ArrayList<>();

	private final Map<String, ItemInfo> catalog = new HashMap<>();

	private final Set<String> deleted = new HashSet<>();

	private final Map<UUID, String> ids = new HashMap<>();

	private final Map<String, String> sessions = new HashMap<>();

	private final Set<String> shoppers = new HashSet<>();

	private long read;

	/** @param products every product of the replica, deleted ones included */
	TrainingInput(List<CatalogItem> products) {
		for (CatalogItem product : products) {
			if (product.deleted()) {
				this.deleted.add(product.id().toString());
			}
			else if (product.name() != null) {
				String id = id(product.id());
				String text = (product.brand() != null) ? product.name() + " " + product.brand() : product.name();
				this.catalog.put(id, new ItemInfo(id, text,
						(product.categoryId() != null) ? product.categoryId().toString() : null, product.tags()));
			}
		}
	}

	/** Maps and keeps every interaction of the stream. */
	TrainingInput addAll(Stream<LoggedInteraction> stream) {
		stream.forEach(this::add);
		return this;
	}

	void add(LoggedInteraction logged) {
		this.read++;
		Interaction.Kind kind = kind(logged);
		String shopper = shopper(logged);
		String item = id(logged.productId());
		if (kind == null || shopper == null || this.deleted.contains(item)) {
			return;
		}
		int quantity = (logged.quantity() != null && logged.quantity() > 0) ? logged.quantity() : 1;
		String basket = (kind == Interaction.Kind.PURCHASE && logged.orderId() != null) ? id(logged.orderId()) : null;
		Interaction interaction = new Interaction(shopper, item, logged.occurredAt(), kind, basket, quantity);
		this.interactions.add(interaction);
		this.shoppers.add(shopper);
		if (kind == Interaction.Kind.PURCHASE) {
			this.purchases.add(interaction);
		}
	}

	static Interaction.@Nullable Kind kind(LoggedInteraction logged) {
		return switch (logged.type()) {
			case VIEW -> Interaction.Kind.VIEW;
			case SEARCH_CLICK -> Interaction.Kind.SEARCH_CLICK;
			case CART_ADD -> Interaction.Kind.CART;
			case WISHLIST_ADD -> Interaction.Kind.WISHLIST;
			case PURCHASE -> Interaction.Kind.PURCHASE;
			case REVIEW ->
				(logged.rating() != null && logged.rating() >= LIKED_RATING) ? Interaction.Kind.WISHLIST : null;
			case CART_REMOVE, WISHLIST_REMOVE, RECOMMENDATION_IMPRESSION, RECOMMENDATION_CLICK -> null;
		};
	}

	private @Nullable String shopper(LoggedInteraction logged) {
		if (logged.userId() != null) {
			return id(logged.userId());
		}
		if (logged.sessionId() == null) {
			return null;
		}
		return this.sessions.computeIfAbsent(logged.sessionId(),
				(session) -> LoggedInteraction.SESSION_PREFIX + session);
	}

	private String id(UUID id) {
		return this.ids.computeIfAbsent(id, UUID::toString);
	}

	List<Interaction> interactions() {
		return this.interactions;
	}

	List<Interaction> purchases() {
		return this.purchases;
	}

	Map<String, ItemInfo> catalog() {
		return this.catalog;
	}

	Counts counts() {
		return new Counts(this.read, this.interactions.size(), this.purchases.size(), this.shoppers.size(),
				this.catalog.size());
	}

}
