package com.emporium.platform.security;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

/**
 * The reactive twin of {@link EmporiumSecurityAutoConfiguration}, for the gateway: the same RS256
 * checks against the JWKS, the same denylist, the same problem details. Access rules are the
 * public paths plus {@code emporium.security.authenticated-by-default}; a reactive application
 * needing finer rules declares its own {@link SecurityWebFilterChain}.
 */
@AutoConfiguration(after = EmporiumTokenRevocationAutoConfiguration.class,
		beforeName = "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(EmporiumSecurityProperties.class)
@EnableWebFluxSecurity
public class EmporiumReactiveSecurityAutoConfiguration {

	/**
	 * No observations of Spring Security's filters, authentication or authorization: nothing
	 * exports them yet, and even with observations disabled by name their decorators wrapped every
	 * filter of every request (a measurable share of an authenticated request, bench/README.md).
	 */
	@Bean
	@ConditionalOnMissingBean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveJwtDecoder reactiveJwtDecoder(EmporiumSecurityProperties properties,
			ObjectProvider<TokenDenylist> denylist) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSetUri(properties.jwt().jwkSetUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> validator = EmporiumSecurityAutoConfiguration.validator(properties,
				denylist.getIfAvailable());
		decoder.setJwtValidator(validator);
		return new VerifiedTokenCache(properties.jwt().verifiedCacheSize(), validator).caching(decoder);
	}

	/**
	 * Spring Security's firewall with its default rules, checked without regular expressions:
	 * see {@link BearerTokens}. Parameter values stay unchecked, as by default: a query's odd
	 * characters are the endpoint's to refuse, naming the parameter.
	 */
	@Bean
	@ConditionalOnMissingBean
	ServerWebExchangeFirewall serverWebExchangeFirewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(BearerTokens.ASSIGNED_AND_NOT_CONTROL);
		firewall.setAllowedHeaderValues(BearerTokens.ASSIGNED_AND_NOT_CONTROL);
		firewall.setAllowedParameterNames(BearerTokens.ASSIGNED_AND_NOT_CONTROL);
		return firewall;
	}

	/** A request the firewall refuses is a 400 problem naming the reason, not an empty 400. */
	@Bean
	@ConditionalOnMissingBean
	ServerExchangeRejectedHandler serverExchangeRejectedHandler() {
		return new ReactiveProblemSecurityHandlers();
	}

	@Bean
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	SecurityWebFilterChain emporiumSecurityWebFilterChain(ServerHttpSecurity http,
			EmporiumSecurityProperties properties, ReactiveJwtDecoder jwtDecoder,
			ObjectProvider<CorsConfigurationSource> cors) {
		ReactiveProblemSecurityHandlers problems = new ReactiveProblemSecurityHandlers();
		JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
		authentication.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
		http.csrf(csrf -> csrf.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.oauth2ResourceServer(server -> server
				.bearerTokenConverter((exchange) -> Mono.<Authentication>fromCallable(() -> {
					String token = BearerTokens
						.fromHeader(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
					return (token != null) ? new BearerTokenAuthenticationToken(token) : null;
				}))
				.jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
					.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(authentication)))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.authorizeExchange(exchanges -> {
				exchanges.pathMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
				if (properties.authenticatedByDefault()) {
					exchanges.anyExchange().authenticated();
				}
				else {
					exchanges.anyExchange().permitAll();
				}
			});
		cors.ifAvailable(source -> http.cors(configurer -> configurer.configurationSource(source)));
		return http.build();
	}

}
