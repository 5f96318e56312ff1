package com.emporium.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, if well-formed), puts it in the MDC for
 * the logs, on the response, and on the request itself, so that the gateway forwards it downstream.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
		request.setAttribute(RequestIds.ATTRIBUTE, id);
		response.setHeader(RequestIds.HEADER, id);
		MDC.put(RequestIds.MDC_KEY, id);
		try {
			chain.doFilter(new WithRequestId(request, id), response);
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static final class WithRequestId extends HttpServletRequestWrapper {

		private final String id;

		WithRequestId(HttpServletRequest request, String id) {
			super(request);
			this.id = id;
		}

		@Override
		public String getHeader(String name) {
			return RequestIds.HEADER.equalsIgnoreCase(name) ? this.id : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return RequestIds.HEADER.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(this.id))
					: super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			java.util.List<String> names = Collections.list(super.getHeaderNames());
			if (names.stream().noneMatch(RequestIds.HEADER::equalsIgnoreCase)) {
				names.add(RequestIds.HEADER);
			}
			return Collections.enumeration(names);
		}

	}

}
