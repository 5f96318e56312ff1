package com.emporium.product.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A bounded map of text to text ({@code {"material": "oak"}}): at most {@link #entries()} entries,
 * keys and values not blank and not longer than {@link #keyLength()} and {@link #valueLength()}.
 * The messages never quote what was sent (message templates are interpolated).
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KeyValues.Validator.class)
@interface KeyValues {

	int entries();

	int keyLength();

	int valueLength();

	String message() default "is not a valid map";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<KeyValues, Map<String, String>> {

		private KeyValues limits;

		@Override
		public void initialize(KeyValues limits) {
			this.limits = limits;
		}

		@Override
		public boolean isValid(Map<String, String> value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			String problem = problem(value);
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}

		private String problem(Map<String, String> value) {
			if (value.size() > this.limits.entries()) {
				return "must have at most %d entries".formatted(this.limits.entries());
			}
			for (Map.Entry<String, String> entry : value.entrySet()) {
				if (entry.getKey() == null || entry.getKey().isBlank()
						|| entry.getKey().strip().length() > this.limits.keyLength()) {
					return "must have keys of 1 to %d characters".formatted(this.limits.keyLength());
				}
				if (entry.getValue() == null || entry.getValue().isBlank()
						|| entry.getValue().strip().length() > this.limits.valueLength()) {
					return "must have values of 1 to %d characters".formatted(this.limits.valueLength());
				}
			}
			return null;
		}

	}

}
