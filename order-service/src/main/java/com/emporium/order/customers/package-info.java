/**
 * The customer profile read model: what order-service knows of user-service's users (email, names,
 * default shipping and billing addresses), kept current by consuming {@code UserProfileChanged}
 * idempotently, the newest version winning. Checkout takes missing addresses from it and
 * notifications their recipient, through {@link com.emporium.order.customers.CustomerProfiles};
 * nothing here calls user-service. An erased customer ({@code UserDeleted}) leaves a tombstone
 * without personal data, announced in-process as
 * {@link com.emporium.order.customers.CustomerErased}.
 */
@NullMarked
package com.emporium.order.customers;

import org.jspecify.annotations.NullMarked;
