package com.emporium.platform.web;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Problem details everywhere (the only exception handler, and the error page), request ids, and
 * the request size limit.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EmporiumWebAutoConfiguration.WebProperties.class)
public class EmporiumWebAutoConfiguration {

	@Bean
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

	@Bean
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	/**
	 * A number or a boolean sent where the API takes text is a wrong type (400 naming the field),
	 * as text sent where it takes a number already is: Jackson would otherwise read
	 * {@code "username": true} as the name "true". Numbers sent as text ({@code "19.99"}) stay
	 * accepted, as amounts often are.
	 */
	@Bean
	JsonMapperBuilderCustomizer textIsNeverCoercedFromScalars() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Textual,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties properties) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(properties.maxRequestSize()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * Tomcat's own error report (a request refused before it reaches the application) as a problem
	 * detail: Boot's plain {@code ErrorReportValve} on the host is replaced by
	 * {@link ProblemErrorReportValve}, which the host then keeps as its error report valve. Runs
	 * after Boot's customizer (unordered: last), which adds the plain one.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class TomcatErrorReports {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
			return (factory) -> factory.addContextCustomizers((context) -> {
				Pipeline pipeline = context.getParent().getPipeline();
				for (Valve valve : pipeline.getValves()) {
					if (valve instanceof ErrorReportValve) {
						pipeline.removeValve(valve);
					}
				}
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
				pipeline.addValve(new ProblemErrorReportValve());
			});
		}

	}

	/**
	 * {@code emporium.web.*}.
	 *
	 * @param maxRequestSize the largest request body accepted; larger ones get a 413 problem
	 * @param maxUriLength on the reactive stack (the gateway): the longest request target (path and
	 * query, as sent) accepted; longer ones get a 414 problem. The servlet services leave this to
	 * Tomcat ({@code server.max-http-request-header-size})
	 * @param maxHeaderSize on the reactive stack: the most request header bytes (names and values)
	 * accepted; more get a 431 problem naming the largest header
	 */
	@ConfigurationProperties("emporium.web")
	public record WebProperties(@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue("4KB") DataSize maxUriLength,
			@DefaultValue("8KB") DataSize maxHeaderSize) {
	}

}
