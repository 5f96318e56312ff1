package com.emporium.product.descriptions;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.catalog.descriptions.*}: the LLM that drafts descriptions.
 *
 * @param baseUrl an OpenAI-compatible API's base, to which {@code /chat/completions} is added:
 * {@code https://api.openai.com/v1}, Gemini's {@code https://generativelanguage.googleapis.com/v1beta/openai},
 * Ollama's {@code http://localhost:11434/v1}, vLLM's {@code http://host:8000/v1}
 * @param model the model's name ({@code gpt-4o-mini}, {@code gemini-2.0-flash}, {@code llama3.2})
 * @param apiKey sent as a bearer token when set; from the environment ({@code LLM_API_KEY})
 * @param timeout how long one call may take (connecting and reading)
 * @param maxChars the longest draft kept (longer replies are cut at a word)
 */
@ConfigurationProperties("emporium.catalog.descriptions")
@Validated
record DescriptionProperties(@Nullable String baseUrl, @Nullable String model, @Nullable String apiKey,
		@NotNull @DefaultValue("PT20S") Duration timeout, @Min(100) @Max(5000) @DefaultValue("2000") int maxChars) {

	boolean configured() {
		return this.baseUrl != null && !this.baseUrl.isBlank() && this.model != null && !this.model.isBlank();
	}

}
