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

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.order.Recommendation;
import com.emporium.order.cart.ShoppingCarts.CartLine;
import com.emporium.order.cart.ShoppingCarts;
import com.emporium.order.catalog.Catalog;
import com.emporium.order.catalog.CatalogProduct;
import com.emporium.order.customers.CustomerProfile.ProfileAddress;
import com.emporium.order.customers.CustomerProfile;
import com.emporium.order.customers.CustomerProfiles;
import com.emporium.platform.security.Hashes;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a user's cart into a {@code PENDING} order: prices from the catalog read model now, tax and
 * shipping from configuration, a fresh order number, each line credited to the recommendation of
 * its cart line or else the checkout's; empties the cart and publishes {@link OrderPlaced}, all in
 * one transaction. The {@code Idempotency-Key} makes a retried request
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

	private final CustomerProfiles profiles;

	private final OrderNumbers numbers;

	private final OrderProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Checkout(Orders orders, CheckoutKeys keys, ShoppingCarts carts, Catalog catalog, CustomerProfiles profiles,
			OrderNumbers numbers, OrderProperties properties, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.orders = orders;
		this.keys = keys;
		this.carts = carts;
		this.catalog = catalog;
		this.profiles = profiles;
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
		if (request.shippingAddress() != null) {
			check(request.shippingAddress(), "#/shippingAddress/country");
		}
		if (request.billingAddress() != null) {
			check(request.billingAddress(), "#/billingAddress/country");
		}
		// The body as sent, before any default is filled in: a retry without addresses is the same
		// request even if the profile changed in between.
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
		Addresses addresses = addresses(customerId, request);
		Order order = new Order(number(now), customerId, currency, request.paymentMethod(), addresses.shipping(),
				addresses.billing(), request.notes(),
				(request.recommendation() != null) ? request.recommendation().source() : null,
				(request.recommendation() != null) ? request.recommendation().id() : null, now);
		BigDecimal subtotal = BigDecimal.ZERO;
		for (CartLine line : lines) {
			CatalogProduct product = products.get(line.productId());
			BigDecimal price = Objects.requireNonNull(product.price());
			// The recommendation that led to the line itself is the closer one; the checkout's is
			// credited to the lines that came to the cart without one.
			Recommendation recommendation = (line.recommendation() != null) ? line.recommendation()
					: request.recommendation();
			order.addLine(line.productId(), line.sku(), Objects.requireNonNull(product.name()), price,
					line.quantity(), recommendation);
			subtotal = subtotal.add(price.multiply(BigDecimal.valueOf(line.quantity())));
		}
		Totals totals = Totals.of(subtotal, currency, addresses.shipping().country(), this.properties);
		order.price(totals.subtotal(), totals.tax(), totals.shipping());
		this.orders.saveAndFlush(order);
		this.keys.made(customerId, key, order.id());
		this.carts.emptyAfterCheckout(customerId);
		OrderView view = OrderViews.of(order);
		this.events.publishEvent(OrderPlaced.of(view, now));
		log.info("Order placed orderId={} number={}", order.id(), order.number());
		return new Placed(view, false);
	}

	private record Addresses(Address shipping, Address billing) {
	}

	/**
	 * The order's addresses: those sent, else the profile's defaults; billing falls back to the
	 * order's shipping address when the profile has no default billing address either.
	 */
	private Addresses addresses(UUID customerId, PlaceOrderRequest request) {
		Address shipping = request.shippingAddress();
		Address billing = request.billingAddress();
		if (shipping != null && billing != null) {
			return new Addresses(shipping, billing);
		}
		Optional<CustomerProfile> profile = this.profiles.find(customerId);
		if (shipping == null) {
			ProfileAddress fallback = profile.map(CustomerProfile::defaultShippingAddress).orElse(null);
			if (fallback == null) {
				throw InvalidFieldException.body("#/shippingAddress",
						"required: your profile has no default shipping address");
			}
			shipping = fromProfile(fallback, "#/shippingAddress", "shipping");
		}
		if (billing == null) {
			ProfileAddress fallback = profile.map(CustomerProfile::defaultBillingAddress).orElse(null);
			billing = (fallback != null) ? fromProfile(fallback, "#/billingAddress", "billing") : shipping;
		}
		return new Addresses(shipping, billing);
	}

	/**
	 * An address of the profile as the order keeps it. user-service's addresses may lack a postal code
	 * (orders need one) and have a region and phone (orders keep neither).
	 */
	private static Address fromProfile(ProfileAddress address, String pointer, String kind) {
		if (blank(address.recipientName()) || blank(address.line1()) || blank(address.city())
				|| blank(address.country())) {
			throw InvalidFieldException.body(pointer,
					"required: your default %s address is incomplete; send one".formatted(kind));
		}
		if (blank(address.postalCode())) {
			throw InvalidFieldException.body(pointer,
					"required: your default %s address has no postal code; send one".formatted(kind));
		}
		Address converted = new Address(Objects.requireNonNull(address.recipientName()),
				Objects.requireNonNull(address.line1()), blank(address.line2()) ? null : address.line2(),
				Objects.requireNonNull(address.city()), Objects.requireNonNull(address.postalCode()),
				Objects.requireNonNull(address.country()));
		if (!COUNTRIES.contains(converted.country())) {
			throw InvalidFieldException.body(pointer,
					"required: the country of your default %s address is unknown; send one".formatted(kind));
		}
		return converted;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
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
