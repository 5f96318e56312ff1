package com.emporium.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** CORS for browser clients, from {@code emporium.gateway.cors.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayConfiguration.GatewayProperties.class)
class GatewayConfiguration {

	@Bean
	CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.cors().allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id",
				"X-Cart-Token", "If-Match"));
		cors.setExposedHeaders(List.of("X-Request-Id", "Location", "Retry-After", "ETag"));
		// Bearer tokens, not cookies: no credentials, so a wildcard origin can never leak a session.
		cors.setAllowCredentials(false);
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

	/**
	 * {@code emporium.gateway.*}.
	 *
	 * @param cors which browser origins may call the API
	 */
	@ConfigurationProperties("emporium.gateway")
	record GatewayProperties(@DefaultValue Cors cors) {

		/** @param allowedOrigins exact origins, e.g. {@code https://shop.example.com} */
		record Cors(@DefaultValue({ "http://localhost:3000", "http://localhost:5173" }) List<String> allowedOrigins) {
		}

	}

}
