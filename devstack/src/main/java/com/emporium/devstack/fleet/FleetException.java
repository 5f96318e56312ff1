package com.emporium.devstack.fleet;

/**
 * The fleet could not be started or a service could not be started or stopped. The message is one
 * line that names the service, the cause and the fix (usually a log file to read); by the time it is
 * thrown from {@link Fleet#start(FleetOptions)} nothing is left running.
 */
public class FleetException extends RuntimeException {

	public FleetException(String message) {
		super(message);
	}

	public FleetException(String message, Throwable cause) {
		super(message, cause);
	}

}
