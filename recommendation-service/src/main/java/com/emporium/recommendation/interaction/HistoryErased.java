package com.emporium.recommendation.interaction;

import java.util.UUID;

/**
 * A shopper's interactions were erased (on their request or because their account was deleted),
 * published in-process after the erasure, so that other features drop what they keep of that
 * shopper too.
 *
 * @param userId the shopper
 * @param accountDeleted whether the account is gone ({@code UserDeleted}), not just its history
 * erased on the shopper's request: then models forget the shopper too
 */
public record HistoryErased(UUID userId, boolean accountDeleted) {
}
