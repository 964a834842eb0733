/**
 * The start-up application with the starter and one {@code @Encrypted} attribute.
 */
@NullMarked
package io.github.secretencryption.benchmarks.startup.encrypted;

import org.jspecify.annotations.NullMarked;
