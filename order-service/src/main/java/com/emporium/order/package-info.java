/**
 * The order service: the catalog read model it prices from, carts, checkout and the order lifecycle,
 * whose payment and stock steps it orchestrates through events (the order saga). It owns the
 * {@code orders} database.
 */
@NullMarked
package com.emporium.order;

import org.jspecify.annotations.NullMarked;
