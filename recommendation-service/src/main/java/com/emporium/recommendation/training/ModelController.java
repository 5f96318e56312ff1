package com.emporium.recommendation.training;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import com.emporium.platform.web.NotFoundException;
import com.emporium.platform.web.PageView;
import com.emporium.recommendation.training.TrainingViews.VersionView;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.recommendation.ApiDocs.BEARER;
import static com.emporium.recommendation.ApiDocs.PROBLEM;
import static com.emporium.recommendation.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping(TrainingConfiguration.MODELS)
@Tag(name = "Recommendation training (staff)")
class ModelController {

	private final ModelVersions versions;

	ModelController(ModelVersions versions) {
		this.versions = versions;
	}

	@GetMapping
	@Operation(summary = "List model versions",
			description = "Newest first, with each model's offline metrics (HR, NDCG, precision, recall, coverage at "
					+ "10), what it was trained on, its settings and the gate's decision.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "400", description = "page or size invalid (validation-failed, naming it).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not a manager or admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	PageView<VersionView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Long active = this.versions.activeVersion().orElse(null);
		return PageView.of(this.versions.list(PageRequest.of(page, size))
			.map(version -> VersionView.of(version, this.versions.status(version, active))));
	}

	@GetMapping("/{version}")
	@Operation(summary = "One model version", security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "400", description = "version is not a number from 1 (validation-failed).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not a manager or admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No such version (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	VersionView get(@PathVariable @Min(1) long version) {
		ModelVersion stored = this.versions.find(version)
			.orElseThrow(() -> new NotFoundException("model version", version));
		return VersionView.of(stored, this.versions.status(stored, this.versions.activeVersion().orElse(null)));
	}

	@PostMapping("/{version}/activation")
	@Operation(summary = "Activate a model version",
			description = "Serves this stored version from now on, whatever the gate said: rolls back to an older "
					+ "version or forward to a rejected one. Every replica switches within "
					+ "emporium.recommendation.serving.model-refresh; this one at once.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "200", description = "Active; the body is the version")
	@ApiResponse(responseCode = "400", description = "version is not a number from 1 (validation-failed).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not an admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No such version (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "model-unavailable: its bytes were removed (older than the newest keep-versions) or cannot "
					+ "be read; the active version stays.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	VersionView activate(@PathVariable @Min(1) long version) {
		ModelVersion active = this.versions.activateStored(version);
		return VersionView.of(active, ModelVersion.VersionStatus.ACTIVE);
	}

}
