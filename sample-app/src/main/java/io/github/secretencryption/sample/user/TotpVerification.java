package io.github.secretencryption.sample.user;

/**
 * Outcome of checking a TOTP code.
 *
 * @param valid whether the code is accepted
 */
public record TotpVerification(boolean valid) {

}
