package com.emporium.recommendation.training;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.NotFoundException;
import com.emporium.platform.web.PageView;
import com.emporium.recommendation.training.TrainingRun.RunStatus;
import com.emporium.recommendation.training.TrainingViews.RunView;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
@RequestMapping(TrainingConfiguration.RUNS)
@Tag(name = "Recommendation training (staff)",
		description = "Training runs and the model versions they store: the history, the gate's decisions, rollback")
class TrainingController {

	private final TrainingRuns runs;

	TrainingController(TrainingRuns runs) {
		this.runs = runs;
	}

	@PostMapping
	@Operation(summary = "Start a training run",
			description = "Loads every interaction, evaluates every model on a time split, trains on all the data and "
					+ "stores a new model version, which the gate activates or rejects. Runs in the background: "
					+ "follow it at Location. One run at a time across all replicas.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "202", description = "Queued; the body is the run, Location its address",
			headers = @Header(name = "Location", description = "the run", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not an admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409",
			description = "training-in-progress: a run is in progress on this or another replica.",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	ResponseEntity<RunView> start() {
		TrainingRun run = this.runs.startOnDemand();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create(TrainingConfiguration.RUNS + "/" + run.id()))
			.body(RunView.of(run));
	}

	@GetMapping
	@Operation(summary = "List training runs",
			description = "Newest first, of one status or all: what each run read, how long each phase took, the "
					+ "version it stored and the gate's decision, or its error.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "400", description = "status, page or size invalid (validation-failed, naming it).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not a manager or admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	PageView<RunView> list(@RequestParam(required = false) @Nullable RunStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(this.runs.list(status, PageRequest.of(page, size)).map(RunView::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One training run", security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "400", description = "id is not a UUID (validation-failed).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "401", description = "Not signed in (unauthenticated).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not a manager or admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "404", description = "No such run (not-found).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	RunView get(@PathVariable UUID id) {
		return this.runs.find(id).map(RunView::of).orElseThrow(() -> new NotFoundException("training run", id));
	}

}
