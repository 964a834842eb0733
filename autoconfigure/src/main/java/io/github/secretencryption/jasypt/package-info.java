/**
 * Encrypted configuration values for Jasypt's {@code ENC(...)} syntax: AES-256-GCM under
 * the key of one key name, in the starter's stored format. Only
 * {@link io.github.secretencryption.jasypt.AesGcmStringEncryptor} refers to Jasypt's
 * types, so the other classes load without Jasypt. Nothing in this package depends on
 * Spring Boot.
 */
@NullMarked
package io.github.secretencryption.jasypt;

import org.jspecify.annotations.NullMarked;
