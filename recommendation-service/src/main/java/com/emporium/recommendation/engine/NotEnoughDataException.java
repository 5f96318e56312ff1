package com.emporium.recommendation.engine;

/** A model cannot be trained from the data at hand; the message says what is missing. */
public class NotEnoughDataException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NotEnoughDataException(String message) {
		super(message);
	}

}
