/**
 * Operator commands that run instead of the application, such as
 * {@code java -jar app.jar verify-keys}: results on standard output, logs on standard
 * error, and an exit code that says success or failure.
 */
@NullMarked
package io.github.secretencryption.autoconfigure.command;

import org.jspecify.annotations.NullMarked;
