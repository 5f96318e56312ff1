package com.emporium.user.addresses;

import java.util.UUID;

/**
 * In-process only (not sent to Kafka): a user's default shipping or billing address changed (one
 * was set, edited or removed). Published inside the change's transaction.
 */
public record DefaultAddressesChanged(UUID userId) {
}
