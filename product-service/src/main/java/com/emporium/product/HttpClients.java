package com.emporium.product;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** RestClients for the HTTP APIs outside the fleet (exchange rates, the LLM): each call has a timeout. */
public final class HttpClients {

	private HttpClients() {
	}

	/**
	 * A builder whose calls give up after {@code timeout}, connecting and reading. HTTP/1.1: an h2c
	 * upgrade of a POST with a body stalls on some servers.
	 */
	public static RestClient.Builder withTimeout(Duration timeout) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(timeout);
		return RestClient.builder().requestFactory(requests);
	}

}
