/**
 * Stores: what a vendor sells through. A vendor owns one or more; the first is opened when the
 * vendor registers ({@code emporium.user.user-registered.v1}, consumed idempotently). Owners and
 * admins change and delete them; shoppers see the active ones. Products name their store by id:
 * {@link com.emporium.product.stores.StoreDirectory} tells the catalog who owns a store, and the
 * catalog tells this feature, through {@link com.emporium.product.stores.StoreContents}, whether a
 * store still has products.
 */
@NullMarked
package com.emporium.product.stores;

import org.jspecify.annotations.NullMarked;
