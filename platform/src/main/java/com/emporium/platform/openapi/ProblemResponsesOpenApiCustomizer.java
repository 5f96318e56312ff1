package com.emporium.platform.openapi;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Failures are part of the contract: every operation lists the problem responses it can give
 * ({@code application/problem+json}, schema {@code Problem}) next to its own, and the bearer
 * scheme is declared once.
 */
public class ProblemResponsesOpenApiCustomizer implements OpenApiCustomizer {

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String REF = "#/components/schemas/Problem";

	@Override
	public void customise(OpenAPI openApi) {
		openApi.schemaRequirement("bearer-jwt",
				new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
		openApi.getComponents().addSchemas("Problem", problemSchema());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			boolean hasInput = operation.getRequestBody() != null
					|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
			if (hasInput) {
				add(operation, "400", "The request is malformed or a field or parameter is invalid (see `errors`).");
			}
			if (method != PathItem.HttpMethod.GET || operation.getSecurity() != null) {
				add(operation, "401", "No valid bearer token was sent.");
				add(operation, "403", "The caller may not do this.");
			}
			if (path.contains("{")) {
				add(operation, "404", "No such resource, or not one the caller may see.");
			}
			if (operation.getRequestBody() != null) {
				add(operation, "413", "The body is larger than the service accepts.");
				add(operation, "415", "The body is not JSON.");
			}
			add(operation, "500", "An unexpected error; the body names the requestId.");
		}));
	}

	private static void add(Operation operation, String status, String description) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		operation.getResponses()
			.computeIfAbsent(status, key -> new ApiResponse().description(description)
				.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(REF)))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Schema<Object> error = new ObjectSchema().properties(Map.of("pointer",
				new StringSchema().description("JSON pointer into the body, e.g. #/price"), "parameter",
				new StringSchema().description("query, path or header parameter"), "detail", new StringSchema()));
		Map<String, Schema> properties = Map.of("type", new StringSchema().format("uri"), "title", new StringSchema(),
				"status", new IntegerSchema(), "detail", new StringSchema(), "instance",
				new StringSchema().format("uri-reference"), "requestId", new StringSchema(), "errors",
				new ArraySchema().items(error));
		return new ObjectSchema().description("RFC 9457 problem detail").properties(properties);
	}

}
