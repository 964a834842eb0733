/**
 * Single-row OIDC and SMTP settings, whose client secret and SMTP password are encrypted
 * at rest under the {@code secret-encryption} key.
 */
@NullMarked
package io.github.secretencryption.sample.settings;

import org.jspecify.annotations.NullMarked;
