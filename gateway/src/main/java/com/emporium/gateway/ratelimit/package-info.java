/**
 * The per-client request budget for the whole API, enforced before anything else costs CPU.
 */
@NullMarked
package com.emporium.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
