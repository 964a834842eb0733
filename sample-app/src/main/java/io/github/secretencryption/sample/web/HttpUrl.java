package io.github.secretencryption.sample.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated text must be an absolute {@code http} or {@code https} URL with a host
 * and without user information, so that no credentials hide in it. {@code null} is valid.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Constraint(validatedBy = HttpUrlValidator.class)
public @interface HttpUrl {

	String message() default "must be an http or https URL with a host and without user information";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
