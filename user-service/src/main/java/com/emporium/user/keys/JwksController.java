package com.emporium.user.keys;

import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.emporium.platform.security.EndpointAuthorization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Keys", description = "The public keys that access tokens are checked against")
class JwksController {

	/**
	 * Short enough that a resource server sees a new key soon; it also refetches on an unknown
	 * {@code kid}.
	 */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The JSON Web Key Set",
			description = "Public RSA keys of every signing key whose tokens may still be valid, newest first.")
	ResponseEntity<Map<String, Object>> jwks() {
		JWKSet set = new JWKSet(this.keys.published().stream().<JWK>map(key -> key.key().toPublicJWK()).toList());
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic()).body(set.toJSONObject(true));
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization jwksAccess() {
			return requests -> requests.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll();
		}

	}

}
