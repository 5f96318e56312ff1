/**
 * The fleet's Spring Cloud Config server: serves {@code config-repo/} with the native backend,
 * normalises where that directory is found and refuses to start on a missing directory or a
 * malformed file, so a typo surfaces at deploy time rather than as a service booting on defaults.
 */
@NullMarked
package com.emporium.config;

import org.jspecify.annotations.NullMarked;
