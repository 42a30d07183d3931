package org.instaclone.integrations.endpoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import org.instaclone.integrations.egress.EgressPolicy;

/** A URL {@link EgressPolicy} allows webhooks to go to; the field error says why not. */
@Documented
@Constraint(validatedBy = WebhookUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface WebhookUrl {

	String message() default "is not an allowed webhook URL";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<WebhookUrl, String> {

		private final EgressPolicy policy;

		Validator(EgressPolicy policy) {
			this.policy = policy;
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			Optional<String> refusal = policy.refusal(value);
			refusal.ifPresent(reason -> {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
			});
			return refusal.isEmpty();
		}
	}
}
