package com.emporium.order.cart;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.order.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guest carts not changed for {@code emporium.cart.guest-retention} (30 days) are deleted;
 * the job is run directly rather than waited for, and a cart's last change is moved back in SQL.
 */
class GuestCartCleanupTests extends OrderServiceIntegrationTest {

	@Autowired
	GuestCartCleanup cleanup;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void staleGuestCartsAreDeletedWhileFreshOnesAndUsersCartsAreKept() {
		Product stool = product("10.00", "EUR", 50);
		JsonNode stale = body(addToCart(null, null, item(stool, 2)), 200);
		JsonNode recent = body(addToCart(null, null, item(stool, 1)), 200);
		JsonNode fresh = body(addToCart(null, null, item(stool, 3)), 200);
		Customer ada = Customer.create();
		JsonNode adas = body(addToCart(ada.token(), null, item(stool, 4)), 200);
		lastChanged(stale, "31 days");
		lastChanged(recent, "29 days");
		lastChanged(adas, "400 days");

		assertThat(this.cleanup.deleteStaleGuestCarts()).isPositive();

		problem(cart(null, token(stale)), 404, "cart-not-found", null);
		assertThat(count("SELECT count(*) FROM carts WHERE id = ?::uuid", id(stale))).isZero();
		assertThat(count("SELECT count(*) FROM cart_items WHERE cart_id = ?::uuid", id(stale)))
			.as("its lines go with it")
			.isZero();
		assertThat(body(cart(null, token(recent)), 200).get("itemCount").asInt()).isEqualTo(1);
		assertThat(body(cart(null, token(fresh)), 200).get("itemCount").asInt()).isEqualTo(3);
		assertThat(body(cart(ada.token(), null), 200).get("itemCount").asInt()).as("users' carts are never deleted")
			.isEqualTo(4);
	}

	@Test
	void theTokenOfADeletedCartIsAnsweredAsAnUnknownToken() {
		Product stool = product("10.00", "EUR", 50);
		JsonNode stale = body(addToCart(null, null, item(stool, 2)), 200);
		String item = stale.get("items").get(0).get("id").asString();
		lastChanged(stale, "31 days");
		this.cleanup.deleteStaleGuestCarts();
		String deleted = token(stale);
		String unknown = "never-issued-" + unique();
		String bearer = Customer.create().token();
		long carts = count("SELECT count(*) FROM carts");

		for (String token : List.of(deleted, unknown)) {
			problem(cart(null, token), 404, "cart-not-found", null);
			RestTestClient.ResponseSpec add = addToCart(null, token, item(stool, 1));
			assertThat(add.returnResult(String.class).getResponseHeaders().getFirst("X-Cart-Token"))
				.as("no new cart is started")
				.isNull();
			problem(add, 404, "cart-not-found", null);
			problem(send(HttpMethod.PATCH, "/api/v1/cart/items/" + item, null, Map.of("quantity", 1),
					Map.of("X-Cart-Token", token)), 404, "cart-not-found", null);
			problem(send(HttpMethod.DELETE, "/api/v1/cart/items/" + item, null, null, Map.of("X-Cart-Token", token)),
					404, "cart-not-found", null);
			problem(send(HttpMethod.DELETE, "/api/v1/cart", null, null, Map.of("X-Cart-Token", token)), 404,
					"cart-not-found", null);
			// Signed in, the token is not merged: 404 too.
			problem(cart(bearer, token), 404, "cart-not-found", null);
		}
		assertThat(count("SELECT count(*) FROM carts")).as("no cart was made").isEqualTo(carts);
		assertThat(body(cart(null, null), 200).get("id").isNull()).as("a guest without a token starts afresh")
			.isTrue();
	}

	@Test
	void everyChangeOfAGuestCartKeepsItFromTheCleanup() {
		Product stool = product("10.00", "EUR", 50);
		Product lamp = product("20.00", "EUR", 50);
		JsonNode cart = body(addToCart(null, null, item(stool, 1)), 200);
		String token = token(cart);

		lastChanged(cart, "40 days");
		cart = body(addToCart(null, token, item(lamp, 1)), 200);
		assertKept(token, 2);

		lastChanged(cart, "40 days");
		String stoolItem = cart.get("items").get(0).get("id").asString();
		body(send(HttpMethod.PATCH, "/api/v1/cart/items/" + stoolItem, null, Map.of("quantity", 3),
				Map.of("X-Cart-Token", token)), 200);
		assertKept(token, 4);

		lastChanged(cart, "40 days");
		body(send(HttpMethod.DELETE, "/api/v1/cart/items/" + stoolItem, null, null, Map.of("X-Cart-Token", token)),
				200);
		assertKept(token, 1);

		lastChanged(cart, "40 days");
		send(HttpMethod.DELETE, "/api/v1/cart", null, null, Map.of("X-Cart-Token", token)).expectStatus()
			.isNoContent();
		assertKept(token, 0);

		lastChanged(cart, "40 days");
		body(cart(null, token), 200);
		this.cleanup.deleteStaleGuestCarts();
		problem(cart(null, token), 404, "cart-not-found", null);
	}

	@Test
	void aGuestCartMergedAtSignInIsLeftToItsUser() {
		Product stool = product("10.00", "EUR", 50);
		Customer ada = Customer.create();
		JsonNode guest = body(addToCart(null, null, item(stool, 2)), 200);
		JsonNode merged = body(cart(ada.token(), token(guest)), 200);
		assertThat(merged.get("itemCount").asInt()).isEqualTo(2);
		lastChanged(guest, "90 days");
		lastChanged(merged, "90 days");

		this.cleanup.deleteStaleGuestCarts();

		// Retired, owned by the user: the same user may still send its token, harmlessly.
		assertThat(body(cart(ada.token(), token(guest)), 200).get("itemCount").asInt()).isEqualTo(2);
		problem(cart(null, token(guest)), 404, "cart-not-found", null);
	}

	@Test
	void aLargeBacklogIsDeletedInBatchesByConcurrentRuns() throws Exception {
		String prefix = "bulk-" + unique() + "-";
		int stale = 2 * GuestCartCleanup.BATCH_SIZE + 37;
		this.jdbc.update("INSERT INTO carts (id, token_hash, created_at, updated_at) "
				+ "SELECT gen_random_uuid(), ? || n, now() - interval '60 days', now() - interval '45 days' "
				+ "FROM generate_series(1, ?) AS n", prefix, stale);
		assertThat(count("SELECT count(*) FROM carts WHERE token_hash LIKE ?", prefix + "%")).isEqualTo(stale);

		// Two instances at once: each skips the rows the other holds, neither waits nor fails.
		long deleted;
		try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
			CyclicBarrier start = new CyclicBarrier(2);
			Callable<Long> run = () -> {
				start.await(10, TimeUnit.SECONDS);
				return this.cleanup.deleteStaleGuestCarts();
			};
			Future<Long> first = instances.submit(run);
			Future<Long> second = instances.submit(run);
			deleted = first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS);
		}

		assertThat(deleted).isGreaterThanOrEqualTo(stale);
		assertThat(count("SELECT count(*) FROM carts WHERE token_hash LIKE ?", prefix + "%")).isZero();
	}

	@Test
	void aCartARequestHoldsIsSkippedNotWaitedFor() throws Exception {
		Product stool = product("10.00", "EUR", 50);
		JsonNode held = body(addToCart(null, null, item(stool, 1)), 200);
		lastChanged(held, "31 days");

		// As a request changing the cart would, hold its row lock while the cleanup runs.
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.queryForList("SELECT id FROM carts WHERE id = ?::uuid FOR UPDATE", id(held));
			try (ExecutorService instance = Executors.newSingleThreadExecutor()) {
				instance.submit(this.cleanup::deleteStaleGuestCarts).get(20, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new AssertionError("the cleanup waited for the locked cart", ex);
			}
			assertThat(count("SELECT count(*) FROM carts WHERE id = ?::uuid", id(held))).isOne();
		});

		this.cleanup.deleteStaleGuestCarts();
		problem(cart(null, token(held)), 404, "cart-not-found", null);
	}

	/** Runs the cleanup and checks the cart is still there, with this many items. */
	private void assertKept(String token, int itemCount) {
		this.cleanup.deleteStaleGuestCarts();
		assertThat(body(cart(null, token), 200).get("itemCount").asInt()).isEqualTo(itemCount);
	}

	/** Moves a cart's last change back by a PostgreSQL interval ({@code 31 days}). */
	private void lastChanged(JsonNode cart, String ago) {
		int updated = this.jdbc.update("UPDATE carts SET updated_at = now() - ?::interval WHERE id = ?::uuid", ago,
				id(cart));
		assertThat(updated).isOne();
	}

	private static String id(JsonNode cart) {
		return UUID.fromString(cart.get("id").asString()).toString();
	}

	private static String token(JsonNode cart) {
		return cart.get("cartToken").asString();
	}

	private RestTestClient.ResponseSpec cart(String bearer, String cartToken) {
		return send(HttpMethod.GET, "/api/v1/cart", bearer, null,
				(cartToken != null) ? Map.of("X-Cart-Token", cartToken) : Map.of());
	}

}
