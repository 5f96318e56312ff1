/**
 * The platform's web conventions on the reactive stack, for the gateway: request ids, the request
 * size limit and problem details for every error the gateway itself answers.
 */
@NullMarked
package com.emporium.platform.web.reactive;

import org.jspecify.annotations.NullMarked;
