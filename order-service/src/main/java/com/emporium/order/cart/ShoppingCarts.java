package com.emporium.order.cart;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.order.Amounts;
import com.emporium.order.Recommendation;
import com.emporium.order.catalog.Catalog;
import com.emporium.order.catalog.CatalogProduct;
import com.emporium.platform.security.Caller;
import com.emporium.platform.security.Hashes;
import com.emporium.platform.web.InvalidFieldException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guest and user carts: finds the caller's cart (a signed-in user's by the token's subject, a
 * guest's by the hash of its cart token), merges a guest cart into the user's when a request
 * carries both, changes it under a row lock, and prices it from the catalog read model. Checkout
 * reads and empties a user's cart through {@link #lockLines} and {@link #emptyAfterCheckout}.
 */
@Service
public class ShoppingCarts {

	/** The header a guest sends its cart token in, and gets it back in on its first add. */
	public static final String TOKEN_HEADER = "X-Cart-Token";

	private static final Logger log = LoggerFactory.getLogger(ShoppingCarts.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Carts carts;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Cart.Limits limits;

	private final Clock clock;

	ShoppingCarts(Carts carts, Catalog catalog, ApplicationEventPublisher events, CartProperties properties,
			Clock clock) {
		this.carts = carts;
		this.catalog = catalog;
		this.events = events;
		this.limits = new Cart.Limits(properties.maxQuantityPerLine(), properties.maxLines());
		this.clock = clock;
	}

	/**
	 * A line of a user's cart, as checkout takes it.
	 * @param recommendation the recommendation that led to the line (the first it got), or null
	 */
	public record CartLine(UUID productId, String sku, int quantity, @Nullable Recommendation recommendation) {
	}

	@Transactional
	public CartView view(Caller caller, @Nullable String token) {
		Cart cart = find(caller, token);
		return (cart != null) ? view(cart, null) : empty();
	}

	/**
	 * Adds to the caller's cart; a guest without a token gets a new cart and its token. The
	 * recommendation sent, if any, goes into the {@link CartItemAdded} of this add, and onto the line
	 * unless it has one.
	 */
	@Transactional
	public CartView add(Caller caller, @Nullable String token, CartRequests.AddItem request) {
		if (request.quantity() > this.limits.maxQuantity()) {
			throw InvalidFieldException.body("#/quantity", "must be at most " + this.limits.maxQuantity());
		}
		CatalogProduct product = this.catalog.find(request.productId())
			.filter(CatalogProduct::orderable)
			.orElseThrow(() -> InvalidFieldException.body("#/productId", "names no product on sale"));
		String sku = sku(product, request.sku());
		Instant now = this.clock.instant();
		Cart cart = find(caller, token);
		String issued = null;
		if (cart == null) {
			issued = newToken();
			cart = this.carts.save(Cart.ofGuest(hash(issued), now));
		}
		Recommendation recommendation = request.recommendation();
		CartItem line = cart.add(product.productId(), sku, request.quantity(), Objects.requireNonNull(product.price()),
				Objects.requireNonNull(product.currency()), recommendation, this.limits, now);
		this.events.publishEvent(new CartItemAdded(UUID.randomUUID(), now, caller.userId(), cart.id(),
				line.productId(), line.sku(), request.quantity(), (recommendation != null) ? recommendation.id() : null,
				(recommendation != null) ? recommendation.source() : null));
		this.carts.saveAndFlush(cart);
		return view(cart, issued);
	}

	@Transactional
	public CartView change(Caller caller, @Nullable String token, UUID itemId, int quantity) {
		Cart cart = require(caller, token, itemId);
		Instant now = this.clock.instant();
		int before = cart.change(itemId, quantity, this.limits, now);
		CartItem line = cart.items().stream().filter(item -> item.id().equals(itemId)).findFirst().orElseThrow();
		if (quantity > before) {
			// Raised in the cart, not from a list of recommendations: no recommendation to credit.
			this.events.publishEvent(new CartItemAdded(UUID.randomUUID(), now, caller.userId(), cart.id(),
					line.productId(), line.sku(), quantity - before, null, null));
		}
		else if (quantity < before) {
			removed(caller, cart, line, before - quantity, now);
		}
		return view(cart, null);
	}

	@Transactional
	public CartView remove(Caller caller, @Nullable String token, UUID itemId) {
		Cart cart = require(caller, token, itemId);
		Instant now = this.clock.instant();
		CartItem line = cart.remove(itemId, now);
		removed(caller, cart, line, line.quantity(), now);
		return view(cart, null);
	}

	@Transactional
	public void clear(Caller caller, @Nullable String token) {
		Cart cart = find(caller, token);
		if (cart == null) {
			return;
		}
		Instant now = this.clock.instant();
		cart.clear(now).forEach(line -> removed(caller, cart, line, line.quantity(), now));
	}

	/** The lines of a user's cart, which stays locked until the caller's transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<CartLine> lockLines(UUID userId) {
		return this.carts.findLockedByOwner(userId)
			.map(cart -> cart.items()
				.stream()
				.map(item -> new CartLine(item.productId(), item.sku(), item.quantity(), item.recommendation()))
				.toList())
			.orElse(List.of());
	}

	/** Empties a user's cart once its lines became an order (no {@link CartItemRemoved}: they were bought). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void emptyAfterCheckout(UUID userId) {
		this.carts.findLockedByOwner(userId).ifPresent(cart -> cart.clear(this.clock.instant()));
	}

	/** Deletes a user's carts: their account was deleted (no {@link CartItemRemoved}: nobody removed them). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void erase(UUID userId) {
		int deleted = this.carts.deleteByOwner(userId);
		log.info("Carts erased userId={} carts={}", userId, deleted);
	}

	private void removed(Caller caller, Cart cart, CartItem line, int quantity, Instant now) {
		this.events.publishEvent(new CartItemRemoved(UUID.randomUUID(), now, caller.userId(), cart.id(),
				line.productId(), line.sku(), quantity));
	}

	/** The cart an item is in; a guest without a cart has no items, so the item is not found. */
	private Cart require(Caller caller, @Nullable String token, UUID itemId) {
		Cart cart = find(caller, token);
		if (cart == null) {
			throw new com.emporium.platform.web.NotFoundException("Cart item", itemId);
		}
		return cart;
	}

	/**
	 * The caller's cart, locked: a user's (made on first use; a guest cart named by {@code token} is
	 * merged into it), or the guest cart {@code token} names, or null for a guest without a token.
	 */
	private @Nullable Cart find(Caller caller, @Nullable String token) {
		UUID user = caller.userId();
		if (user == null) {
			if (token == null) {
				return null;
			}
			return this.carts.findLockedByTokenHash(hash(token))
				.filter(cart -> !cart.retired())
				.orElseThrow(CartNotFoundException::new);
		}
		Instant now = this.clock.instant();
		this.carts.createForOwner(UUID.randomUUID(), user, now);
		Cart mine = this.carts.findLockedByOwner(user).orElseThrow();
		if (token != null) {
			Cart guest = this.carts.findLockedByTokenHash(hash(token)).orElseThrow(CartNotFoundException::new);
			if (!guest.retired()) {
				mine.merge(guest, this.limits, now);
				log.info("Guest cart merged cartId={} into cartId={}", guest.id(), mine.id());
			}
			else if (!user.equals(guest.ownerId())) {
				throw new CartNotFoundException();
			}
		}
		return mine;
	}

	/** The variant to add: the one named (ignoring case), or the product's only one. */
	private static String sku(CatalogProduct product, @Nullable String sku) {
		if (sku != null) {
			return product.sku(sku).orElseThrow(() -> InvalidFieldException.body("#/sku", "names no variant of the product"));
		}
		if (product.stock().size() != 1) {
			throw InvalidFieldException.body("#/sku", product.stock().isEmpty()
					? "cannot be chosen: the product has no variant on sale" : "is required: the product has variants");
		}
		return product.stock().keySet().iterator().next();
	}

	private CartView view(Cart cart, @Nullable String issuedToken) {
		List<CartItem> items = cart.items();
		Map<UUID, CatalogProduct> products = this.catalog
			.findAll(items.stream().map(CartItem::productId).distinct().toList());
		List<CartView.Line> lines = new ArrayList<>();
		BigDecimal subtotal = BigDecimal.ZERO;
		int count = 0;
		for (CartItem item : items) {
			CatalogProduct product = products.get(item.productId());
			boolean orderable = product != null && product.orderable();
			BigDecimal priceWhenAdded = Amounts.of(item.priceWhenAdded(), Objects.requireNonNull(cart.currency()));
			BigDecimal unitPrice = (product != null && product.price() != null) ? product.price() : priceWhenAdded;
			BigDecimal lineTotal = unitPrice.multiply(BigDecimal.valueOf(item.quantity()));
			Integer available = (product != null) ? product.available(item.sku()) : null;
			lines.add(new CartView.Line(item.id(), item.productId(), item.sku(),
					(product != null) ? product.name() : null, item.quantity(), unitPrice, lineTotal,
					priceWhenAdded, unitPrice.compareTo(priceWhenAdded) != 0, available,
					available != null && available == 0,
					available != null && available > 0 && available < item.quantity(), !orderable,
					item.recommendation()));
			if (orderable) {
				subtotal = subtotal.add(lineTotal);
			}
			count += item.quantity();
		}
		return new CartView(cart.id(), issuedToken, cart.currency(), lines, count, subtotal);
	}

	private static CartView empty() {
		return new CartView(null, null, null, List.of(), 0, BigDecimal.ZERO);
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Only this is stored: a leaked database does not hand out carts. */
	private static String hash(String token) {
		return Hashes.sha256(token);
	}

}
