package com.emporium.order.cart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import com.emporium.order.Recommendation;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.NotFoundException;

/**
 * A cart, a user's or a guest's. Changes only through its methods, which keep its rules: one
 * currency, at most {@code maxLines} lines, 1 to {@code maxQuantity} of each. A guest cart merged
 * into its user's cart is retired: empty, owned by that user, never changed again.
 */
@Entity
@Table(name = "carts")
class Cart {

	@Id
	private UUID id;

	@Column(name = "owner_id")
	private @Nullable UUID ownerId;

	@Column(name = "token_hash")
	private @Nullable String tokenHash;

	private @Nullable String currency;

	@OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("addedAt, id")
	private List<CartItem> items = new ArrayList<>();

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "retired_at")
	private @Nullable Instant retiredAt;

	@Version
	private @Nullable Long version;

	protected Cart() {
		// for JPA
	}

	private Cart(@Nullable UUID ownerId, @Nullable String tokenHash, Instant now) {
		this.id = UUID.randomUUID();
		this.ownerId = ownerId;
		this.tokenHash = tokenHash;
		this.createdAt = now;
		this.updatedAt = now;
	}

	static Cart ofGuest(String tokenHash, Instant now) {
		return new Cart(null, tokenHash, now);
	}

	/**
	 * Adds {@code quantity} of a variant, to its line if the cart has one. The line keeps the first
	 * recommendation that led to it: one sent with a later add is kept only by a line without one.
	 * @param recommendation what led to this add, or null
	 * @return the line
	 */
	CartItem add(UUID productId, String sku, int quantity, BigDecimal price, String currency,
			@Nullable Recommendation recommendation, Limits limits, Instant now) {
		if (this.currency != null && !this.items.isEmpty() && !this.currency.equals(currency)) {
			throw new CurrencyMismatchException(this.currency, currency);
		}
		Optional<CartItem> line = line(productId, sku);
		if (line.isPresent()) {
			int total = line.get().quantity() + quantity;
			if (total > limits.maxQuantity()) {
				throw InvalidFieldException.body("#/quantity", "would make %d of this item, more than the %d allowed"
					.formatted(total, limits.maxQuantity()));
			}
			line.get().quantity(total);
			line.get().recommendedBy(recommendation);
			this.updatedAt = now;
			return line.get();
		}
		if (this.items.size() >= limits.maxLines()) {
			throw new CartFullException(limits.maxLines());
		}
		CartItem item = new CartItem(this, productId, sku, quantity, price, recommendation, now);
		this.items.add(item);
		this.currency = currency;
		this.updatedAt = now;
		return item;
	}

	/** Sets a line's quantity; returns the quantity it had. */
	int change(UUID itemId, int quantity, Limits limits, Instant now) {
		if (quantity > limits.maxQuantity()) {
			throw InvalidFieldException.body("#/quantity", "must be at most " + limits.maxQuantity());
		}
		CartItem item = item(itemId);
		int before = item.quantity();
		item.quantity(quantity);
		this.updatedAt = now;
		return before;
	}

	CartItem remove(UUID itemId, Instant now) {
		CartItem item = item(itemId);
		this.items.remove(item);
		this.updatedAt = now;
		return item;
	}

	/** Empties the cart; returns the lines it had. */
	List<CartItem> clear(Instant now) {
		List<CartItem> removed = List.copyOf(this.items);
		this.items.clear();
		this.currency = null;
		this.updatedAt = now;
		return removed;
	}

	/**
	 * Moves a guest cart's lines here: quantities of the same variant add up to at most the limit;
	 * lines beyond the line limit or in another currency are dropped. A line keeps its recommendation,
	 * or takes the guest line's when it has none. The guest cart is retired.
	 */
	void merge(Cart guest, Limits limits, Instant now) {
		for (CartItem item : guest.items) {
			boolean sameCurrency = this.items.isEmpty() || this.currency == null
					|| this.currency.equals(guest.currency);
			Optional<CartItem> line = line(item.productId(), item.sku());
			if (line.isPresent()) {
				line.get().quantity(Math.min(limits.maxQuantity(), line.get().quantity() + item.quantity()));
				line.get().recommendedBy(item.recommendation());
			}
			else if (sameCurrency && this.items.size() < limits.maxLines() && guest.currency != null) {
				this.items.add(new CartItem(this, item.productId(), item.sku(), item.quantity(),
						item.priceWhenAdded(), item.recommendation(), item.addedAt()));
				this.currency = guest.currency;
			}
		}
		guest.items.clear();
		guest.currency = null;
		guest.ownerId = this.ownerId;
		guest.retiredAt = now;
		guest.updatedAt = now;
		this.updatedAt = now;
	}

	private Optional<CartItem> line(UUID productId, String sku) {
		return this.items.stream().filter(item -> item.isFor(productId, sku)).findFirst();
	}

	private CartItem item(UUID itemId) {
		return this.items.stream()
			.filter(item -> item.id().equals(itemId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Cart item", itemId));
	}

	boolean retired() {
		return this.retiredAt != null;
	}

	boolean isGuest() {
		return this.tokenHash != null;
	}

	UUID id() {
		return this.id;
	}

	@Nullable UUID ownerId() {
		return this.ownerId;
	}

	@Nullable String currency() {
		return this.items.isEmpty() ? null : this.currency;
	}

	List<CartItem> items() {
		return List.copyOf(this.items);
	}

	/** How many of a variant a line may hold, and how many lines a cart may have. */
	record Limits(int maxQuantity, int maxLines) {
	}

}
