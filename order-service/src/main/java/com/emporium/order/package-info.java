/**
 * The order service: carts, checkout (the order saga) and the order lifecycle. It owns its own PostgreSQL database.
 */
@NullMarked
package com.emporium.order;

import org.jspecify.annotations.NullMarked;
