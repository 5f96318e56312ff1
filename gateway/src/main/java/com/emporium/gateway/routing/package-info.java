/**
 * Which paths go to which service, and what the client gets when that service cannot answer.
 */
@NullMarked
package com.emporium.gateway.routing;

import org.jspecify.annotations.NullMarked;
