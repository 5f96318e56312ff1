package com.emporium.platform.testapp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;
import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.events.ProcessedEvents;
import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.NotFoundException;
import com.emporium.platform.web.ProblemException;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.modulith.events.Externalized;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service built on the platform (in its own package, so its component scan cannot see the
 * platform's configuration classes), exercised over real HTTP and a real broker by the tests.
 */
@SpringBootApplication
public class PlatformTestApplication {

	@Bean
	EndpointAuthorization sampleAccess() {
		return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/widgets/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/v1/widgets/**")
			.permitAll()
			.requestMatchers("/api/v1/admin/**")
			.hasRole("ADMIN");
	}

	record Price(@NotNull @DecimalMin(value = "0.00", inclusive = false) BigDecimal amount, @NotBlank String currency) {
	}

	record Tag(@JsonProperty("tag_name") @NotBlank String tagName) {
	}

	record WidgetRequest(@NotBlank @Size(max = 100) String name, @NotNull @Valid Price price, @Min(1) int quantity,
			@JsonProperty("gift_note") @Size(max = 10) @Nullable String giftNote, @Nullable List<@Valid Tag> tags) {
	}

	@Externalized("emporium.test.widget-made.v1::#{#this.subject()}")
	public record WidgetMade(UUID eventId, Instant occurredAt, UUID widgetId, String name) implements EmporiumEvent {

		@Override
		public String subject() {
			return this.widgetId.toString();
		}

	}

	static class OutOfWidgetsException extends ProblemException {

		OutOfWidgetsException() {
			super(HttpStatus.CONFLICT, "out-of-widgets", "No widgets are left.");
		}

	}

	@RestController
	@RequestMapping("/api/v1")
	static class WidgetController {

		private final ApplicationEventPublisher events;

		WidgetController(ApplicationEventPublisher events) {
			this.events = events;
		}

		@PostMapping("/widgets")
		@Transactional
		WidgetRequest create(@Valid @RequestBody WidgetRequest request) {
			UUID id = UUID.randomUUID();
			this.events.publishEvent(new WidgetMade(UUID.randomUUID(), Instant.now(), id, request.name()));
			return request;
		}

		@GetMapping("/widgets/{id}")
		String get(@PathVariable UUID id) {
			throw new NotFoundException("Widget", id);
		}

		@GetMapping("/widgets")
		List<String> list(@RequestParam(defaultValue = "0") @Min(0) int page,
				@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
			return List.of();
		}

		@GetMapping("/widgets/between")
		String between(@RequestParam int from, @RequestParam int to) {
			if (to < from) {
				throw InvalidFieldException.parameter("to", "must not be below from");
			}
			return from + ".." + to;
		}

		@PostMapping("/widgets/{id}/rename")
		String rename(@PathVariable UUID id, @RequestBody Map<String, String> body) {
			throw InvalidFieldException.body("#/name", "is taken by widget " + id);
		}

		@GetMapping("/widgets/sold-out")
		String soldOut() {
			throw new OutOfWidgetsException();
		}

		@GetMapping("/widgets/unreachable")
		String unreachable() {
			throw new DataAccessResourceFailureException(
					"Connection to db.internal:5432 refused");
		}

		@GetMapping("/widgets/no-connection")
		String noConnection() {
			throw new CannotCreateTransactionException(
					"Could not open JDBC Connection for transaction");
		}

		@GetMapping("/widgets/broken")
		String broken() {
			throw new IllegalStateException("secret internal detail: db password is hunter2");
		}

		@GetMapping("/admin/report")
		String report() {
			return "report";
		}

		@GetMapping("/me")
		String me() {
			return "me";
		}

	}

	/** A consumer in the recommended shape: its own record, idempotent, in one transaction. */
	public static class WidgetCounter {

		private final List<EventEnvelope<Made>> applied = new CopyOnWriteArrayList<>();

		private final ProcessedEvents processedEvents;

		WidgetCounter(ProcessedEvents processedEvents) {
			this.processedEvents = processedEvents;
		}

		public record Made(UUID widgetId, String name) {
		}

		/** Through a method: the bean is a transactional proxy, whose fields are not the target's. */
		public List<EventEnvelope<Made>> applied() {
			return this.applied;
		}

		@KafkaListener(id = "widget-counter", topics = "emporium.test.widget-made.v1")
		@Transactional
		void on(EventEnvelope<Made> event) {
			if (event.data().name().equals("poison")) {
				throw new IllegalArgumentException("poison widget " + event.data().widgetId());
			}
			if (this.processedEvents.firstDelivery("widget-counter", event.id())) {
				this.applied.add(event);
			}
		}

	}

	@Bean
	WidgetCounter widgetCounter(ProcessedEvents processedEvents) {
		return new WidgetCounter(processedEvents);
	}

}
