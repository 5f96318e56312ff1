package com.emporium.user.accounts;

import java.util.UUID;

/**
 * In-process only (not sent to Kafka): an account was opened, or its email or names changed.
 * Published inside the change's transaction, so that a synchronous listener can record what follows
 * from it (the {@code profiles} feature announces the profile) in the same transaction.
 */
public record AccountDetailsChanged(UUID userId) {
}
