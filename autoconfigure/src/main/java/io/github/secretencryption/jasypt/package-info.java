/**
 * Encrypted configuration values for Jasypt's {@code ENC(...)} syntax: AES-256-GCM under
 * the key of one key name, in the starter's stored format, and the decryption of values
 * that Jasypt's own password-based encryptor wrote, for their migration. Only
 * {@link io.github.secretencryption.jasypt.AesGcmStringEncryptor} and
 * {@link io.github.secretencryption.jasypt.LegacyPbeDecryptor} refer to Jasypt's types,
 * so the other classes load without Jasypt. Nothing in this package depends on Spring
 * Boot.
 */
@NullMarked
package io.github.secretencryption.jasypt;

import org.jspecify.annotations.NullMarked;
