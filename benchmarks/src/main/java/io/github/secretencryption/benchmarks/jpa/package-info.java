/**
 * Loading and saving entities with two {@code @Encrypted} attributes against the same
 * entity with plaintext attributes, on H2 in memory and on PostgreSQL.
 */
@NullMarked
package io.github.secretencryption.benchmarks.jpa;

import org.jspecify.annotations.NullMarked;
