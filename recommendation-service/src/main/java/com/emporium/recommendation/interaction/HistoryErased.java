package com.emporium.recommendation.interaction;

import java.util.UUID;

/**
 * A shopper's interactions were erased (on their request or because their account was deleted),
 * published in-process after the erasure, so that other features drop what they keep of that
 * shopper too.
 *
 * @param userId the shopper
 */
public record HistoryErased(UUID userId) {
}
