package org.instaclone.ads.campaign;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The key of an image stored by upload-service, which names every stored (re-encoded JPEG) file by
 * the SHA-256 of its bytes: 64 lowercase hex digits and {@code .jpg}. Only the shape is checked here;
 * ads-service never calls upload-service (see docs/ads-service.md, "Creatives"). The database
 * repeats the same pattern.
 */
@Documented
@Constraint(validatedBy = MediaKey.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface MediaKey {

	String message() default "must be a media key handed out by upload-service (a SHA-256 content hash)";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<MediaKey, String> {

		private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}\\.jpg");

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || isMediaKey(value);
		}

		static boolean isMediaKey(String value) {
			return SHAPE.matcher(value).matches();
		}
	}
}
