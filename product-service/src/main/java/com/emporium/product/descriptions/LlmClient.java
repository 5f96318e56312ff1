package com.emporium.product.descriptions;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.product.HttpClients;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * One chat completion from an OpenAI-compatible API: {@code POST {baseUrl}/chat/completions} with
 * a system and a user message; the reply's {@code choices[0].message.content}. An error status, a
 * body that is not such a reply, or an empty text is an exception.
 */
class LlmClient {

	private final RestClient http;

	private final URI endpoint;

	private final String model;

	LlmClient(String baseUrl, String model, @Nullable String apiKey, Duration timeout) {
		RestClient.Builder builder = HttpClients.withTimeout(timeout);
		if (apiKey != null && !apiKey.isBlank()) {
			builder.defaultHeader("Authorization", "Bearer " + apiKey.strip());
		}
		this.http = builder.build();
		String base = baseUrl.strip();
		this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
				+ "/chat/completions");
		this.model = model.strip();
	}

	String model() {
		return this.model;
	}

	/** The model's reply to a system prompt and a user message. */
	String complete(String system, String user, int maxTokens) {
		Map<String, Object> body = Map.of("model", this.model, "messages",
				List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user)),
				"max_tokens", maxTokens, "temperature", 0.7);
		String reply = this.http.post()
			.uri(this.endpoint)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(String.class);
		if (reply == null) {
			throw new UnusableReplyException("no body");
		}
		JsonNode content = JsonMapper.shared().readTree(reply).path("choices").path(0).path("message").path("content");
		if (!content.isString() || content.asString().isBlank()) {
			throw new UnusableReplyException("no text in the reply");
		}
		return content.asString();
	}

	/** The API answered, but with no draft in it. */
	static final class UnusableReplyException extends RuntimeException {

		UnusableReplyException(String message) {
			super(message);
		}

	}

}
