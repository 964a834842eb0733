package io.github.secretencryption;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.secretencryption.jpa.EncryptedAttributeBinder;
import org.hibernate.annotations.AttributeBinderType;

/**
 * Marks a {@code String} attribute as a secret: on a JPA entity it is stored encrypted
 * and read back as plaintext, and in JSON written to HTTP responses it appears as a
 * placeholder.
 * <p>
 * On a DTO that is not an entity the annotation only marks the attribute for masking.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
@AttributeBinderType(binder = EncryptedAttributeBinder.class)
public @interface Encrypted {

	/**
	 * Name of the key that encrypts the attribute.
	 * @return the key name
	 */
	String key() default "secret-encryption";

	/**
	 * Associated data that binds each value to its place. Empty means the physical
	 * {@code table.column} of the attribute, which is the right choice unless the value
	 * must keep decrypting after its table or column is renamed.
	 * @return the associated data, or an empty string for {@code table.column}
	 */
	String context() default "";

	/**
	 * Longest plaintext the attribute holds, in {@code char}s as {@link String#length()}
	 * and {@code @Size(max = ...)} count them. When set, or when the attribute has
	 * {@code @Size(max = ...)}, a column too short for the encrypted form of such a value
	 * is reported at startup. Negative means unknown.
	 * @return the maximum plaintext length, or a negative number if unknown
	 */
	int maxLength() default -1;

}
