package com.emporium.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers shared by the servers and the fleet launcher. */
public final class Ports {

	private Ports() {
	}

	/**
	 * A port that was free a moment ago. Another process can still take it before the caller binds
	 * it, which is acceptable for tests and the devstack.
	 * @return a free TCP port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port could be found", ex);
		}
	}

	/**
	 * Whether nothing listens on the port, on any address. Binds the wildcard address (which on Linux
	 * conflicts with a listener on loopback as well) with {@code SO_REUSEADDR}, so sockets lingering
	 * in TIME_WAIT after a restart do not count as "in use".
	 * @param port the port
	 * @return {@code true} if it could be bound
	 */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether something accepts connections on {@code localhost:port}.
	 * @param port the port
	 * @return {@code true} if a connection was accepted within 500 ms
	 */
	public static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Resolves a requested port: {@code 0} becomes a free port, anything else must be free.
	 * @param port the requested port, {@code 0} for any free one
	 * @param what what the port is for, used in the message
	 * @param envVar the variable that moves it, or {@code null}
	 * @return the port to use
	 * @throws PortInUseException if the requested port is taken
	 */
	public static int resolve(int port, String what, String envVar) {
		if (port == 0) {
			return freePort();
		}
		if (!isFree(port)) {
			throw new PortInUseException(port, what, envVar);
		}
		return port;
	}

}
