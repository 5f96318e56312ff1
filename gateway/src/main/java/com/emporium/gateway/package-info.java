/**
 * The gateway: the one public entry point. It routes {@code /api/v1/...} to the services found in
 * Eureka, refuses bad tokens (services decide access themselves), gives every request an
 * {@code X-Request-Id}, turns a down or slow service into a 503/504 problem within two seconds,
 * and serves one Swagger UI over every service's API description.
 */
@NullMarked
package com.emporium.gateway;

import org.jspecify.annotations.NullMarked;
