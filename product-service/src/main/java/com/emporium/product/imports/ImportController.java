package com.emporium.product.imports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.Caller;
import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.InvalidFieldException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static com.emporium.product.ApiDocs.BEARER;
import static com.emporium.product.ApiDocs.PROBLEM;
import static com.emporium.product.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/stores/{storeId}/imports")
@Tag(name = "Imports", description = "Bulk import of a store's products from CSV")
@ApiResponse(responseCode = "200", description = "The report: rows accepted (with the new product ids) and rejected")
@ApiResponse(responseCode = "400",
		description = "The file is no UTF-8 CSV, lacks a required column, names an unknown one, or has too many rows "
				+ "(validation-failed naming file); or a parameter is invalid.",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
@ApiResponse(responseCode = "403", description = "Not the store's owner or an admin (forbidden).",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
@ApiResponse(responseCode = "404", description = "No such store (not-found).",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
@ApiResponse(responseCode = "413", description = "The file is larger than the request size limit (payload-too-large).",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
@ApiResponse(responseCode = "422",
		description = "atomic=true and some row was rejected: nothing was imported (import-rejected, with the report).",
		content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
class ImportController {

	static final String DESCRIPTION = "One product (with one variant) per line after a header. Columns: name, price, "
			+ "currency, sku, stock (required); slug, brand, description, compare_at_price, category_id, tags (a|b), "
			+ "options (size=M;colour=red), image_url, active. Every row is checked with the rules of POST /products "
			+ "and each product created publishes ProductCreated. atomic=true: all rows or none.";

	private final ProductImports imports;

	ImportController(ProductImports imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import products from a CSV file (multipart, part 'file')", description = DESCRIPTION,
			security = @SecurityRequirement(name = BEARER))
	ImportReport importFile(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID storeId,
			@Parameter(description = "true: nothing is written unless every row is accepted") @RequestParam(
					defaultValue = "false") boolean atomic,
			@RequestPart("file") MultipartFile file) throws IOException {
		return this.imports.run(storeId, utf8(file.getBytes()), atomic, Caller.of(jwt));
	}

	@PostMapping(consumes = "text/csv")
	@Operation(summary = "Import products from a CSV body", description = DESCRIPTION,
			security = @SecurityRequirement(name = BEARER))
	ImportReport importBody(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID storeId,
			@RequestParam(defaultValue = "false") boolean atomic, @RequestBody(required = false) byte @Nullable [] body) {
		return this.imports.run(storeId, utf8((body != null) ? body : new byte[0]), atomic, Caller.of(jwt));
	}

	private static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw InvalidFieldException.parameter("file", "is not UTF-8 text");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization importAccess() {
			return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/stores/*/imports")
				.hasAnyRole("VENDOR", "ADMIN");
		}

	}

}
