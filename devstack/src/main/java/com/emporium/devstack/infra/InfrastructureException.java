package com.emporium.devstack.infra;

/**
 * A piece of embedded infrastructure could not be started or used. The message is one line that
 * names the cause and, where there is one, the fix; the cause keeps the details for the log.
 */
public class InfrastructureException extends RuntimeException {

	public InfrastructureException(String message) {
		super(message);
	}

	public InfrastructureException(String message, Throwable cause) {
		super(message, cause);
	}

}
