package com.emporium.platform.web;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * Turns a bean-validation field path ({@code lines[0].unitPrice}) into a JSON pointer in the
 * names the client sent ({@code #/lines/0/unit_price}): a field renamed with {@code @JsonProperty}
 * is named as it appears in the JSON, not as it is called in Java.
 */
final class JsonPointers {

	private JsonPointers() {
	}

	static String of(@Nullable Class<?> root, String fieldPath) {
		StringBuilder pointer = new StringBuilder("#");
		Type type = root;
		for (String segment : fieldPath.replace("[", ".").replace("]", "").split("\\.")) {
			if (segment.isEmpty()) {
				continue;
			}
			pointer.append('/');
			if (segment.chars().allMatch(Character::isDigit)) {
				pointer.append(segment);
				type = elementType(type);
				continue;
			}
			Field field = (type instanceof Class<?> current) ? ReflectionUtils.findField(current, segment) : null;
			JsonProperty renamed = (field != null) ? field.getAnnotation(JsonProperty.class) : null;
			pointer.append((renamed != null && !renamed.value().isEmpty()) ? renamed.value() : segment);
			type = (field != null) ? field.getGenericType() : null;
			if (type instanceof ParameterizedType parameterized
					&& !(parameterized.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw))) {
				type = parameterized.getRawType();
			}
		}
		return pointer.toString();
	}

	private static @Nullable Type elementType(@Nullable Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
			Type element = parameterized.getActualTypeArguments()[0];
			return (element instanceof ParameterizedType nested) ? nested.getRawType() : element;
		}
		return (type instanceof Class<?> array && array.isArray()) ? array.getComponentType() : null;
	}

}
