package com.emporium.order.cart;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.emporium.order.Recommendation;

/**
 * A cart as its holder sees it, priced from the catalog now.
 *
 * @param id the cart's id, null while a guest has no cart yet
 * @param cartToken only in the response that created a guest cart: send it back as
 * {@code X-Cart-Token}
 * @param currency the cart's currency, null while it is empty
 * @param items the lines, oldest first
 * @param itemCount the number of items (quantities added up)
 * @param subtotal the line totals of the items that can be ordered, added up
 */
public record CartView(@Nullable UUID id, @Nullable String cartToken, @Nullable String currency,
		List<Line> items, int itemCount, BigDecimal subtotal) {

	/**
	 * One line.
	 *
	 * @param unitPrice the price now, from the catalog
	 * @param priceWhenAdded the price when the line was first added
	 * @param priceChanged whether the two differ
	 * @param available the stock the catalog reports for the variant
	 * @param outOfStock no stock left
	 * @param insufficientStock some stock, less than the quantity
	 * @param unavailable the product was deleted or unlisted: it cannot be ordered and is left out of
	 * the subtotal
	 * @param recommendation the recommendation that led to the line (the first one sent with an add),
	 * or null
	 */
	public record Line(UUID id, UUID productId, String sku, @Nullable String name, int quantity,
			@Schema(description = "The price now, from the catalog") BigDecimal unitPrice, BigDecimal lineTotal,
			BigDecimal priceWhenAdded, boolean priceChanged, @Nullable Integer available, boolean outOfStock,
			boolean insufficientStock, boolean unavailable,
			@Schema(description = "The recommendation that led to the line: the first one sent with an add of it; "
					+ "null if none was") @Nullable Recommendation recommendation) {
	}

}
