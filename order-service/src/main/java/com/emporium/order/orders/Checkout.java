package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.order.Hashes;
import com.emporium.order.InvalidFieldException;
import com.emporium.order.cart.ShoppingCarts;
import com.emporium.order.cart.ShoppingCarts.CartLine;
import com.emporium.order.catalog.Catalog;
import com.emporium.order.catalog.CatalogProduct;
import com.emporium.platform.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a user's cart into a {@code PENDING} order: prices from the catalog read model now, tax and
 * shipping from configuration, a fresh order number; empties the cart and publishes
 * {@link OrderPlaced}, all in one transaction. The {@code Idempotency-Key} makes a retried request
 * return the order the first one made.
 */
@Service
public class Checkout {

	static final String NUMBER_INDEX = "orders_number_key";

	private static final Logger log = LoggerFactory.getLogger(Checkout.class);

	private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

	private static final int NUMBER_ATTEMPTS = 5;

	private final Orders orders;

	private final CheckoutKeys keys;

	private final ShoppingCarts carts;

	private final Catalog catalog;

	private final OrderNumbers numbers;

	private final OrderProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Checkout(Orders orders, CheckoutKeys keys, ShoppingCarts carts, Catalog catalog, OrderNumbers numbers,
			OrderProperties properties, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.orders = orders;
		this.keys = keys;
		this.carts = carts;
		this.catalog = catalog;
		this.numbers = numbers;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The order, and whether an earlier request with the same key made it. */
	record Placed(OrderView order, boolean replayed) {
	}

	/**
	 * Places the order, drawing a new number and trying again (a new transaction) in the unlikely
	 * case another order took the number meanwhile.
	 */
	Placed place(UUID customerId, String key, PlaceOrderRequest request) {
		check(request.shippingAddress(), "#/shippingAddress/country");
		check(request.billingAddress(), "#/billingAddress/country");
		String hash = hash(request);
		for (int attempt = 1;; attempt++) {
			try {
				return Objects.requireNonNull(this.transactions.execute(status -> placeOnce(customerId, key, hash, request)));
			}
			catch (DataIntegrityViolationException ex) {
				if (attempt == NUMBER_ATTEMPTS || !String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage())
					.contains(NUMBER_INDEX)) {
					throw ex;
				}
				log.warn("Order number taken, drawing another attempt={}", attempt);
			}
		}
	}

	private Placed placeOnce(UUID customerId, String key, String hash, PlaceOrderRequest request) {
		Instant now = this.clock.instant();
		Optional<CheckoutKeys.Used> used = this.keys.claim(customerId, key, hash, now,
				now.minus(this.properties.idempotencyKeyTtl()));
		if (used.isPresent()) {
			if (!used.get().requestHash().equals(hash) || used.get().orderId() == null) {
				throw CheckoutProblems.keyReused();
			}
			Order order = this.orders.findById(used.get().orderId())
				.orElseThrow(() -> new NotFoundException("Order", used.get().orderId()));
			return new Placed(OrderViews.of(order), true);
		}
		List<CartLine> lines = this.carts.lockLines(customerId);
		if (lines.isEmpty()) {
			throw CheckoutProblems.emptyCart();
		}
		Map<UUID, CatalogProduct> products = this.catalog
			.findAll(lines.stream().map(CartLine::productId).distinct().toList());
		List<String> unavailable = new ArrayList<>();
		for (CartLine line : lines) {
			CatalogProduct product = products.get(line.productId());
			if (product == null || !product.orderable()) {
				unavailable.add(line.sku());
			}
		}
		if (!unavailable.isEmpty()) {
			throw CheckoutProblems.notOrderable(
					"Some items are no longer on sale (%s): remove them from your cart.".formatted(unavailable),
					unavailable);
		}
		Set<String> currencies = lines.stream()
			.map(line -> products.get(line.productId()).currency())
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		if (currencies.size() != 1) {
			throw CheckoutProblems.notOrderable(
					"The items of your cart are now priced in several currencies (%s); order them separately."
						.formatted(currencies),
					lines.stream().map(CartLine::sku).toList());
		}
		String currency = currencies.iterator().next();
		Order order = new Order(number(now), customerId, currency, request.paymentMethod(), request.shippingAddress(),
				request.billingAddress(), request.notes(),
				(request.recommendation() != null) ? request.recommendation().source() : null,
				(request.recommendation() != null) ? request.recommendation().id() : null, now);
		BigDecimal subtotal = BigDecimal.ZERO;
		for (CartLine line : lines) {
			CatalogProduct product = products.get(line.productId());
			BigDecimal price = Objects.requireNonNull(product.price());
			order.addLine(line.productId(), line.sku(), Objects.requireNonNull(product.name()), price,
					line.quantity());
			subtotal = subtotal.add(price.multiply(BigDecimal.valueOf(line.quantity())));
		}
		Totals totals = Totals.of(subtotal, currency, request.shippingAddress().country(), this.properties);
		order.price(totals.subtotal(), totals.tax(), totals.shipping());
		this.orders.saveAndFlush(order);
		this.keys.made(customerId, key, order.id());
		this.carts.emptyAfterCheckout(customerId);
		OrderView view = OrderViews.of(order);
		this.events.publishEvent(OrderPlaced.of(view, now));
		log.info("Order placed orderId={} number={}", order.id(), order.number());
		return new Placed(view, false);
	}

	/** A number no order has yet, as far as we can see; the unique index has the last word. */
	private String number(Instant now) {
		for (int attempt = 1; attempt < NUMBER_ATTEMPTS; attempt++) {
			String number = this.numbers.next(now);
			if (!this.orders.existsByNumber(number)) {
				return number;
			}
		}
		return this.numbers.next(now);
	}

	private static void check(Address address, String pointer) {
		if (!COUNTRIES.contains(address.country())) {
			throw InvalidFieldException.body(pointer, "is not an ISO 3166 country code");
		}
	}

	/** What makes two requests the same: their content, not their formatting. */
	private static String hash(PlaceOrderRequest request) {
		return Hashes.sha256(JsonMapper.shared().writeValueAsString(request));
	}

}
