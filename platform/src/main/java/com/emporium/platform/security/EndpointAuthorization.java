package com.emporium.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's access rules, applied by the platform's security filter chain before its final
 * rule (every other request must be authenticated, unless
 * {@code emporium.security.authenticated-by-default=false}). Declare one bean per feature:
 * <pre>{@code
 * @Bean
 * EndpointAuthorization catalogAccess() {
 *     return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/products/**").permitAll();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EndpointAuthorization {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
