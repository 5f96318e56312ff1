package com.emporium.product.catalog;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Told about every product a shopper reads ({@code GET /products/{id}} that answered 200), after
 * the read; the views feature implements it to count views. It runs on the request's thread, so
 * an implementation must be cheap and must not fail the read.
 */
public interface ProductReads {

	void read(UUID productId, Reader reader);

	/**
	 * Who read it.
	 *
	 * @param userId the token's subject, or null when anonymous
	 * @param sessionId the {@code X-Session-Id} header, checked, or null
	 * @param address the client's address (behind the gateway, from {@code X-Forwarded-For})
	 */
	record Reader(@Nullable UUID userId, @Nullable String sessionId, String address) {
	}

}
