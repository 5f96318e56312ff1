/**
 * The JVM's footprint: a heap grown by a burst of work is given back once the service is idle.
 */
@NullMarked
package com.emporium.platform.jvm;

import org.jspecify.annotations.NullMarked;
