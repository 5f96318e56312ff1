package com.emporium.user.accounts;

import java.util.UUID;

/**
 * What other features of this service may read of an account: who the person is and where to
 * write to them.
 *
 * @param email normalised (trimmed, lower case)
 * @param deleted the account was deleted: the other fields are tombstones, not personal data
 */
public record AccountContact(UUID userId, String email, String firstName, String lastName, boolean deleted) {
}
