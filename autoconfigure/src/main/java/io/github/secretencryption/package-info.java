/**
 * The annotation that marks a secret attribute and the exceptions every part of the
 * starter throws. Nothing in this package depends on Spring Boot.
 */
@NullMarked
package io.github.secretencryption;

import org.jspecify.annotations.NullMarked;
