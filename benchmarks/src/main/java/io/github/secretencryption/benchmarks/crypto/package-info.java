/**
 * Per-field encryption of one text value, by secret-encryption and by its peers, each
 * behind {@link io.github.secretencryption.benchmarks.crypto.FieldEncryptor}.
 */
@NullMarked
package io.github.secretencryption.benchmarks.crypto;

import org.jspecify.annotations.NullMarked;
