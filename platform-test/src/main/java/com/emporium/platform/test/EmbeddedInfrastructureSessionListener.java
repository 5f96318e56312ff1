package com.emporium.platform.test;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the embedded servers (after closing the contexts that use them) when the JUnit launcher
 * session ends, i.e. after the last test of the JVM and before shutdown hooks race each other.
 * Registered in {@code META-INF/services}.
 */
public class EmbeddedInfrastructureSessionListener implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		EmbeddedInfrastructure.stop();
	}

}
