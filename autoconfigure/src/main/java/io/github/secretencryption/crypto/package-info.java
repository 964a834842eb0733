/**
 * AES-256-GCM encryption of single values under the keys of a key ring, and the versioned
 * text format those values are stored in. Nothing in this package depends on Spring Boot
 * or JPA.
 */
@NullMarked
package io.github.secretencryption.crypto;

import org.jspecify.annotations.NullMarked;
