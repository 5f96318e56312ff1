/**
 * Carts: a guest's, reached with the cart token it was given on its first add, and a signed-in
 * user's, reached by the token's subject; a guest cart merges into the user's at sign-in, and one
 * not changed for {@code emporium.cart.guest-retention} is deleted. Lines are
 * priced and checked against the catalog read model when shown ({@code priceChanged},
 * {@code outOfStock}). Adds and removals are published as {@link com.emporium.order.cart.CartItemAdded}
 * and {@link com.emporium.order.cart.CartItemRemoved} for recommendations; an add may name the
 * recommendation that led to it, which the line keeps and the event carries for attribution.
 * Checkout reads and empties a user's cart through {@link com.emporium.order.cart.ShoppingCarts}.
 */
@NullMarked
package com.emporium.order.cart;

import org.jspecify.annotations.NullMarked;
