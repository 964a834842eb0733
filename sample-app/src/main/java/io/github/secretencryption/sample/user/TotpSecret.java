package io.github.secretencryption.sample.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated text must be a TOTP secret that {@link Totp} accepts, or the masking
 * placeholder, which keeps the stored secret. {@code null} is valid.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Constraint(validatedBy = TotpSecretValidator.class)
public @interface TotpSecret {

	String message() default "must be Base32 text of 10 to 80 bytes";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
