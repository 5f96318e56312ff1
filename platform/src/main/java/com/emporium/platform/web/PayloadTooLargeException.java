package com.emporium.platform.web;

import java.io.IOException;

/** Thrown by the size-limited request body stream when a body without a length runs past the limit. */
public class PayloadTooLargeException extends IOException {

	public static final String DETAIL = "The request body is larger than this service accepts.";

	public PayloadTooLargeException(long limit) {
		super("Request body exceeds " + limit + " bytes");
	}

	static boolean isCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException) {
				return true;
			}
		}
		return false;
	}

}
