/**
 * Background work of a service: {@link com.emporium.platform.tasks.Periodic}.
 */
@NullMarked
package com.emporium.platform.tasks;

import org.jspecify.annotations.NullMarked;
