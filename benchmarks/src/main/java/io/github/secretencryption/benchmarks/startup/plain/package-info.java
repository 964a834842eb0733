/**
 * The start-up application without the starter: its classpath lacks secret-encryption.
 */
@NullMarked
package io.github.secretencryption.benchmarks.startup.plain;

import org.jspecify.annotations.NullMarked;
