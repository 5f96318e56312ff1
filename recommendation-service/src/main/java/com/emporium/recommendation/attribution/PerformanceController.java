package com.emporium.recommendation.attribution;

import java.util.List;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.FieldError;
import com.emporium.platform.web.ProblemException;
import com.emporium.recommendation.attribution.PerformanceReport.Report;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.recommendation.ApiDocs.BEARER;
import static com.emporium.recommendation.ApiDocs.PROBLEM;
import static com.emporium.recommendation.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping(PerformanceController.PATH)
@Tag(name = "Recommendation performance (staff)",
		description = "Impressions, clicks, cart adds and purchases credited to the recommendations")
class PerformanceController {

	static final String PATH = "/api/v1/admin/recommendations/performance";

	static final String ALGORITHM = "Only this algorithm: personalised, also-bought, bought-together, content, "
			+ "similar-customers, repeat-purchase, popularity, trending, item-knn or new-arrivals";

	private final PerformanceReport report;

	PerformanceController(PerformanceReport report) {
		this.report = report;
	}

	@GetMapping
	@Operation(summary = "How the recommendations did",
			description = "Over the last days: impressions, clicks, click-through rate, cart adds (those that name "
					+ "the list that led to them, credited to it unless it was served to another account, each product of "
					+ "a list once within 24 hours; and clicks followed by any other add of the product by the same "
					+ "shopper within 24 hours), purchases (order lines that name a remembered list served to the same shopper and "
					+ "holding the product, credited to it, each product of a list once within 24 hours; and clicks "
					+ "followed by any other purchase of the product by the same shopper within 24 hours), and "
					+ "purchases per click; by algorithm and context, by A/B variant, and in total.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "400",
			description = "validation-failed naming days (1–365) or algorithm (the detail lists the known ones).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not a manager or admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	Report performance(
			@Parameter(description = ALGORITHM) @RequestParam(required = false) @Nullable String algorithm,
			@Parameter(description = "How many days back, 1 to 365") @RequestParam(
					defaultValue = "30") @Min(1) @Max(365) int days) {
		if (algorithm != null && !PerformanceReport.ALGORITHMS.contains(algorithm)) {
			String detail = "must be one of " + String.join(", ", new TreeSet<>(PerformanceReport.ALGORITHMS));
			throw new ProblemException(HttpStatus.BAD_REQUEST, "validation-failed", "'algorithm' " + detail + ".")
				.with("errors", List.of(FieldError.parameter("algorithm", detail)));
		}
		return this.report.report(algorithm, days);
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization performanceAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, PATH).hasAnyRole("ADMIN", "MANAGER");
		}

	}

}
