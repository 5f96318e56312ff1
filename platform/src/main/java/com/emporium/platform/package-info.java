/**
 * Emporium's service defaults: what every service of the fleet shares so that errors, security,
 * request ids and events look and behave the same everywhere.
 *
 * <ul>
 * <li>{@code web}: RFC 9457 problem details for every error, request ids, the request size limit.</li>
 * <li>{@code security}: the JWT resource server (RS256, keys from the user service's JWKS).</li>
 * <li>{@code events}: the event envelope, outbox externalisation to Kafka, idempotent consumers and
 * dead-letter topics.</li>
 * <li>{@code openapi}: problem responses in every service's OpenAPI description.</li>
 * <li>{@code jvm}: a heap grown by a burst of work is given back to the system once the service is
 * idle.</li>
 * <li>{@code tasks}: background work on a thread of its own while the service runs.</li>
 * </ul>
 *
 * This library holds no domain types, DTOs or event records: services never share models.
 */
@NullMarked
package com.emporium.platform;

import org.jspecify.annotations.NullMarked;
