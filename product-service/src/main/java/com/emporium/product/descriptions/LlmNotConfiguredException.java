package com.emporium.product.descriptions;

import java.util.List;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** No LLM is configured: the detail says what to set. */
class LlmNotConfiguredException extends ProblemException {

	static final List<String> PROPERTIES = List.of("emporium.catalog.descriptions.base-url",
			"emporium.catalog.descriptions.model", "emporium.catalog.descriptions.api-key");

	LlmNotConfiguredException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "llm-not-configured",
				"Description drafts need an OpenAI-compatible LLM: set emporium.catalog.descriptions.base-url (such as "
						+ "https://api.openai.com/v1), emporium.catalog.descriptions.model and, unless the API needs "
						+ "none, emporium.catalog.descriptions.api-key (env LLM_API_KEY).");
		with("properties", PROPERTIES);
	}

}
