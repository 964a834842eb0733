/**
 * Spring Boot wiring of the starter: configuration properties, one auto-configuration per
 * feature, and failure analyzers that turn startup problems into actionable messages.
 */
@NullMarked
package io.github.secretencryption.autoconfigure;

import org.jspecify.annotations.NullMarked;
