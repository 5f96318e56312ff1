package com.emporium.order.customers;

import java.util.UUID;

/**
 * In-process only: the customer's account was deleted and their profile erased. Published in the
 * erasure's transaction, so that synchronous listeners forget what they keep about the person in
 * it too.
 */
public record CustomerErased(UUID customerId) {
}
