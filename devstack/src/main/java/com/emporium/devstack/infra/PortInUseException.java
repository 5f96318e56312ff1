package com.emporium.devstack.infra;

/**
 * A port that a server was asked to listen on is taken. The message is one line, e.g.
 * {@code Port 15432 (PostgreSQL) is already in use: stop what uses it or set EMPORIUM_PG_PORT to a free port.}
 */
public class PortInUseException extends InfrastructureException {

	private final int port;

	private final String what;

	/**
	 * @param port the port that is taken
	 * @param what what wanted it, e.g. {@code PostgreSQL}
	 * @param envVar the variable that moves it, or {@code null} when there is none
	 */
	public PortInUseException(int port, String what, String envVar) {
		super("Port %d (%s) is already in use: stop what uses it or %s.".formatted(port, what,
				(envVar != null) ? "set " + envVar + " to a free port" : "choose another port"));
		this.port = port;
		this.what = what;
	}

	public int port() {
		return this.port;
	}

	public String what() {
		return this.what;
	}

}
