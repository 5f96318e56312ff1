package com.emporium.recommendation;

/** Names for OpenAPI annotations: problem responses are {@code application/problem+json}. */
public final class ApiDocs {

	public static final String PROBLEM_JSON = "application/problem+json";

	public static final String PROBLEM = "#/components/schemas/Problem";

	public static final String BEARER = "bearer-jwt";

	private ApiDocs() {
	}

}
