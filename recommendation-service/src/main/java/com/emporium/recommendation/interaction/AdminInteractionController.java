package com.emporium.recommendation.interaction;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.PageView;
import com.emporium.recommendation.interaction.InteractionStore.Filter;
import com.emporium.recommendation.interaction.InteractionViews.StoredInteraction;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.emporium.recommendation.ApiDocs.BEARER;
import static com.emporium.recommendation.ApiDocs.PROBLEM;
import static com.emporium.recommendation.ApiDocs.PROBLEM_JSON;

@RestController
@RequestMapping("/api/v1/admin/interactions")
@Tag(name = "Interactions (staff)", description = "Every interaction, for managers and admins")
class AdminInteractionController {

	static final String NDJSON = "application/x-ndjson";

	private static final Logger log = LoggerFactory.getLogger(AdminInteractionController.class);

	/** Lines written between flushes: the client sees progress, the socket is not flushed per line. */
	private static final int FLUSH_EVERY = 500;

	private final InteractionStore store;

	private final JsonMapper json;

	AdminInteractionController(InteractionStore store, JsonMapper json) {
		this.store = store;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "List interactions",
			description = "Newest first; filters combine: type, userId, sessionId, productId, occurred from "
					+ "(inclusive) and to (exclusive).",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "400",
			description = "A filter, page or size is invalid, or to is not after from (validation-failed, naming it).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not a manager or admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	PageView<StoredInteraction> list(@RequestParam(required = false) @Nullable InteractionType type,
			@RequestParam(required = false) @Nullable UUID userId,
			@Parameter(description = "An anonymous shopper's X-Session-Id") @RequestParam(
					required = false) @Nullable String sessionId,
			@RequestParam(required = false) @Nullable UUID productId,
			@Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(
					required = false) @Nullable Instant from,
			@Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw InvalidFieldException.parameter("to", "must be after from");
		}
		Filter filter = new Filter(type, userId, SessionIds.parse("sessionId", sessionId), productId, from, to);
		return PageView.of(this.store.find(filter, PageRequest.of(page, size)).map(StoredInteraction::of));
	}

	@GetMapping("/export")
	@Operation(summary = "Export interactions as NDJSON",
			description = "Every interaction that occurred from (inclusive) to (exclusive), oldest first, one JSON "
					+ "object per line (fields without a value left out), streamed as read: any window size works.",
			security = @SecurityRequirement(name = BEARER))
	@ApiResponse(responseCode = "200", description = "One interaction per line",
			content = @Content(mediaType = NDJSON, schema = @Schema(implementation = StoredInteraction.class)))
	@ApiResponse(responseCode = "400", description = "from or to missing or invalid, or to not after from "
			+ "(validation-failed, naming it).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "403", description = "Not a manager or admin (forbidden).",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
	void export(@Parameter(description = "ISO-8601 instant, inclusive") @RequestParam Instant from,
			@Parameter(description = "ISO-8601 instant, exclusive") @RequestParam Instant to,
			HttpServletResponse response) throws IOException {
		if (!from.isBefore(to)) {
			throw InvalidFieldException.parameter("to", "must be after from");
		}
		response.setContentType(NDJSON);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("interactions.ndjson").build().toString());
		long lines = 0;
		// Written straight to the response from a cursor: nothing but one batch is held in memory.
		try (Stream<Interaction> interactions = this.store.between(from, to)) {
			OutputStream out = response.getOutputStream();
			Iterator<Interaction> cursor = interactions.iterator();
			while (cursor.hasNext()) {
				out.write(this.json.writeValueAsBytes(StoredInteraction.of(cursor.next())));
				out.write('\n');
				if (++lines % FLUSH_EVERY == 0) {
					out.flush();
				}
			}
			out.flush();
		}
		log.info("Interactions exported from={} to={} interactions={}", from, to, lines);
	}

}
