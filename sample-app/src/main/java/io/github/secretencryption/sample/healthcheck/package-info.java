/**
 * HTTP health checks of the managed hosts, whose basic-auth passwords are encrypted at
 * rest under a key of their own, {@code health-check}.
 */
@NullMarked
package io.github.secretencryption.sample.healthcheck;

import org.jspecify.annotations.NullMarked;
