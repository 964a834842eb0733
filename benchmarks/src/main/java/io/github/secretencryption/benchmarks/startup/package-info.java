/**
 * Start-up time of a minimal application with one entity, with the starter and without
 * it, each measured in new JVMs by
 * {@link io.github.secretencryption.benchmarks.startup.StartupBenchmark}.
 */
@NullMarked
package io.github.secretencryption.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
