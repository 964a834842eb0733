/**
 * Jackson masking of {@link io.github.secretencryption.Encrypted} attributes: the module
 * that writes a placeholder instead of the secret while masking is active, and the helper
 * that turns a placeholder sent back by a client into the stored secret. Nothing in this
 * package depends on Spring Boot.
 */
@NullMarked
package io.github.secretencryption.jackson;

import org.jspecify.annotations.NullMarked;
