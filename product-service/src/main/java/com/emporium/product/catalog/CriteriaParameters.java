package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.InvalidFieldException;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads {@link Criteria} from the query string, for every endpoint that filters products
 * ({@code GET /products}, {@code GET /search}, …): one place says what the filter parameters are
 * and what is wrong with them (400 naming the parameter). Document them on an operation with
 * {@code @ParameterObject Criteria}.
 */
final class CriteriaParameters implements HandlerMethodArgumentResolver {

	static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

	static final int MAX_BRAND = 100;

	static final int MAX_TAGS = 10;

	static final int MAX_TAG = 40;

	private static final CurrencyCode.Validator CURRENCIES = new CurrencyCode.Validator();

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Criteria.class;
	}

	@Override
	public Criteria resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
		String brand = text(request, "brand");
		if (brand != null && brand.length() > MAX_BRAND) {
			throw InvalidFieldException.parameter("brand", "size must be between 0 and " + MAX_BRAND);
		}
		String currency = text(request, "priceCurrency");
		if (!CURRENCIES.isValid(currency, null)) {
			throw InvalidFieldException.parameter("priceCurrency", CurrencyCode.MESSAGE);
		}
		return new Criteria(uuid(request, "category"), brand, price(request, "minPrice"), price(request, "maxPrice"),
				currency, flag(request, "inStock"), uuid(request, "store"), tags(request));
	}

	private static @Nullable String text(NativeWebRequest request, String name) {
		String value = request.getParameter(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static @Nullable UUID uuid(NativeWebRequest request, String name) {
		String value = text(request, name);
		try {
			return (value != null) ? UUID.fromString(value.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			throw invalid(name, value, "UUID");
		}
	}

	private static @Nullable BigDecimal price(NativeWebRequest request, String name) {
		String value = text(request, name);
		if (value == null) {
			return null;
		}
		BigDecimal price;
		try {
			price = new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid(name, value, "number");
		}
		if (price.signum() < 0) {
			throw InvalidFieldException.parameter(name, "must be greater than or equal to 0");
		}
		if (price.compareTo(MAX_PRICE) > 0) {
			throw InvalidFieldException.parameter(name, "must be less than or equal to " + MAX_PRICE);
		}
		return price;
	}

	private static boolean flag(NativeWebRequest request, String name) {
		String value = text(request, name);
		if (value == null) {
			return false;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw invalid(name, value, "boolean");
		};
	}

	/** {@code tags=a,b} or {@code tags=a&tags=b}. */
	private static List<String> tags(NativeWebRequest request) {
		String[] values = request.getParameterValues("tags");
		List<String> tags = new ArrayList<>();
		if (values != null) {
			Arrays.stream(values)
				.flatMap(value -> Arrays.stream(value.split(",")))
				.filter(tag -> !tag.isBlank())
				.forEach(tags::add);
		}
		if (tags.size() > MAX_TAGS) {
			throw InvalidFieldException.parameter("tags", "size must be between 0 and " + MAX_TAGS);
		}
		if (tags.stream().anyMatch(tag -> tag.length() > MAX_TAG)) {
			throw InvalidFieldException.parameter("tags", "each must be at most %d characters".formatted(MAX_TAG));
		}
		return tags;
	}

	private static InvalidFieldException invalid(String name, String value, String type) {
		String shown = (value.length() > 64) ? value.substring(0, 64) + "…" : value;
		return InvalidFieldException.parameter(name, "'%s' is not a valid %s".formatted(shown, type));
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration implements WebMvcConfigurer {

		@Override
		public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
			resolvers.add(new CriteriaParameters());
		}

	}

}
