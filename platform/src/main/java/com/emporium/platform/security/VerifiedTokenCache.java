package com.emporium.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens whose signature was verified, so that a client sending the same token again
 * (every request of a session) costs a map lookup instead of an RSA verification. The key is
 * the whole token, signature included: a hit means these exact bytes were verified before. The
 * validators (expiry, issuer, the {@link TokenDenylist}) still run on every use, so an expired or
 * revoked token is refused even when cached. Bounded, least recently used first out.
 */
final class VerifiedTokenCache {

	private final Map<String, Jwt> verified;

	private final OAuth2TokenValidator<Jwt> validator;

	VerifiedTokenCache(int maxEntries, OAuth2TokenValidator<Jwt> validator) {
		this.validator = validator;
		this.verified = new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
				return size() > maxEntries;
			}

		};
	}

	JwtDecoder caching(JwtDecoder decoder) {
		return token -> {
			Jwt cached = get(token);
			if (cached != null) {
				return validated(cached);
			}
			Jwt jwt = decoder.decode(token);
			put(token, jwt);
			return jwt;
		};
	}

	ReactiveJwtDecoder caching(ReactiveJwtDecoder decoder) {
		return token -> {
			Jwt cached = get(token);
			if (cached != null) {
				return Mono.fromCallable(() -> validated(cached));
			}
			return decoder.decode(token).doOnNext(jwt -> put(token, jwt));
		};
	}

	private Jwt validated(Jwt jwt) {
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		if (result.hasErrors()) {
			throw new JwtValidationException("The token is no longer valid", result.getErrors());
		}
		return jwt;
	}

	private @Nullable Jwt get(String token) {
		synchronized (this.verified) {
			return this.verified.get(token);
		}
	}

	private void put(String token, Jwt jwt) {
		synchronized (this.verified) {
			this.verified.put(token, jwt);
		}
	}

}
