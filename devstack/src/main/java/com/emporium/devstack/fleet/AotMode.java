package com.emporium.devstack.fleet;

/**
 * What a {@link Fleet} does with the services' JDK ahead-of-time caches (see
 * {@code docs/devstack.md#faster-starts-aot-caches}).
 */
public enum AotMode {

	/** Never use or make caches: every service runs from its jar (tests that start fleets). */
	OFF,

	/** Use the caches that are fresh; never train. */
	USE,

	/** Use the fresh caches, and train the missing or stale ones in the background once the fleet is up. */
	TRAIN

}
