/**
 * Users and their TOTP secrets, which are encrypted at rest under the
 * {@code secret-encryption} key and checked against RFC 6238 codes.
 */
@NullMarked
package io.github.secretencryption.sample.user;

import org.jspecify.annotations.NullMarked;
