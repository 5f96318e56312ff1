package com.emporium.config;

/**
 * The configuration repository cannot be served: a search location is missing or a file in it
 * does not parse. The message is one line naming the directory or file (and line), because it is
 * read in a deployment log.
 */
public class InvalidConfigRepoException extends RuntimeException {

	private final String action;

	InvalidConfigRepoException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	InvalidConfigRepoException(String message, String action) {
		super(message);
		this.action = action;
	}

	String getAction() {
		return this.action;
	}

}
