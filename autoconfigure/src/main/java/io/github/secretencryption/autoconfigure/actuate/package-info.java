/**
 * Actuator support: the {@code secretEncryption} health contributor and the read-only
 * {@code secretencryption} endpoint. Both show key names, paths, key ids, modes and
 * sizes, never key material.
 */
@NullMarked
package io.github.secretencryption.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
