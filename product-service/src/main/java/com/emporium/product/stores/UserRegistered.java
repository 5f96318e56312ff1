package com.emporium.product.stores;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Our view of {@code emporium.user.user-registered.v1}'s data: only the fields we read. Nullable,
 * because the wire may lack them; {@link DefaultStores} checks them.
 */
record UserRegistered(@Nullable UUID userId, @Nullable String username, @Nullable List<String> roles) {
}
