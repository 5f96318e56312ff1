/**
 * The fleet launcher: starts the embedded infrastructure (or uses external infrastructure), then
 * every service as its own JVM in dependency order, waits for each to be healthy, and stops them in
 * reverse order. {@link com.emporium.devstack.fleet.Fleet} is the Java API used by
 * {@link com.emporium.devstack.Devstack} ({@code ./emporium}) and by fleet tests and benchmarks.
 */
package com.emporium.devstack.fleet;
