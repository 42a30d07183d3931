package org.instaclone.ads.campaign;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * An absolute {@code http} or {@code https} URL with a host. Anything else ({@code javascript:},
 * {@code data:}, {@code file:}, relative paths) is rejected: the URL ends up as a link people click.
 */
@Documented
@Constraint(validatedBy = HttpUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface HttpUrl {

	String message() default "must be an absolute http or https URL";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<HttpUrl, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true; // @NotBlank decides whether it is required
			}
			return isHttpUrl(value);
		}

		static boolean isHttpUrl(String value) {
			try {
				URI uri = new URI(value.strip());
				String scheme = uri.getScheme();
				return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http")
						|| scheme.toLowerCase(Locale.ROOT).equals("https")) && uri.getHost() != null
						&& !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}
	}
}
