/**
 * The recommendation service: interactions and its own replica of the catalog in MongoDB, the
 * models trained from them, and the recommendations served from memory. It only consumes events.
 */
@NullMarked
package com.emporium.recommendation;

import org.jspecify.annotations.NullMarked;
