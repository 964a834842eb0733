/**
 * Benchmarks of secret-encryption, run on demand by {@code benchmarks/run.sh}:
 * {@link io.github.secretencryption.benchmarks.BenchmarkSuite} runs every benchmark and
 * writes the table of ratios shown in {@code docs/performance.md}.
 */
@NullMarked
package io.github.secretencryption.benchmarks;

import org.jspecify.annotations.NullMarked;
