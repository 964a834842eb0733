/**
 * The benchmark of {@code migrate-secrets} against a plain JDBC batch update of the same
 * rows.
 */
@NullMarked
package io.github.secretencryption.benchmarks.migration;

import org.jspecify.annotations.NullMarked;
