package com.emporium.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Zero-trust resource server for every service and the gateway: stateless, no sessions or CSRF
 * (bearer tokens only), RS256 tokens checked against the user service's JWKS (fetched lazily and
 * cached, so a service starts before the user service is up), roles from the {@code roles} claim,
 * and 401/403 as problem details. Tokens signed with any other algorithm, including
 * {@code alg: none}, are refused.
 */
@AutoConfiguration(after = EmporiumTokenRevocationAutoConfiguration.class,
		beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EmporiumSecurityProperties.class)
@EnableMethodSecurity
public class EmporiumSecurityAutoConfiguration {

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
	JwtDecoder jwtDecoder(EmporiumSecurityProperties properties, ObjectProvider<TokenDenylist> denylist) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwt().jwkSetUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> validator = validator(properties, denylist.getIfAvailable());
		decoder.setJwtValidator(validator);
		return new VerifiedTokenCache(properties.jwt().verifiedCacheSize(), validator).caching(decoder);
	}

	/**
	 * Expiry and not-before (with Spring's 60 s of clock skew), the issuer when configured, and
	 * then the denylist: a revoked token is refused like an expired one.
	 */
	static OAuth2TokenValidator<Jwt> validator(EmporiumSecurityProperties properties,
			@Nullable TokenDenylist denylist) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(JwtValidators.createDefault());
		if (properties.jwt().issuer() != null) {
			validators.add(new JwtIssuerValidator(properties.jwt().issuer()));
		}
		if (denylist != null) {
			validators.add(denylist);
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	/**
	 * Spring Security's firewall with its default rules, checked without regular expressions:
	 * see {@link BearerTokens}. Parameter values stay unchecked, as by default: a query's odd
	 * characters are the endpoint's to refuse, naming the parameter.
	 */
	@Bean
	@ConditionalOnMissingBean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(BearerTokens.ASSIGNED_AND_NOT_CONTROL);
		firewall.setAllowedHeaderValues(BearerTokens.ASSIGNED_AND_NOT_CONTROL);
		firewall.setAllowedParameterNames(BearerTokens.ASSIGNED_AND_NOT_CONTROL);
		return firewall;
	}

	/** A request the firewall refuses is a 400 problem naming the reason, not an empty error page. */
	@Bean
	@ConditionalOnMissingBean
	RequestRejectedHandler requestRejectedHandler() {
		return new ProblemSecurityHandlers();
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain emporiumSecurityFilterChain(HttpSecurity http, EmporiumSecurityProperties properties,
			List<EndpointAuthorization> rules, JwtDecoder jwtDecoder,
			ObjectProvider<CorsConfigurationSource> cors) throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
		JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
		authentication.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.oauth2ResourceServer(server -> server
				.bearerTokenResolver((request) -> BearerTokens.fromHeader(request.getHeader(HttpHeaders.AUTHORIZATION)))
				.jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(authentication))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
				rules.forEach(rule -> rule.configure(requests));
				if (properties.authenticatedByDefault()) {
					requests.anyRequest().authenticated();
				}
				else {
					requests.anyRequest().permitAll();
				}
			});
		// CORS only where the application declares its own source (the gateway); MVC's handler
		// mapping introspector is a CorsConfigurationSource too and must not count.
		cors.orderedStream()
			.filter(source -> !(source instanceof HandlerMappingIntrospector))
			.findFirst()
			.ifPresent(source -> http.cors(configurer -> configurer.configurationSource(source)));
		return http.build();
	}

}
