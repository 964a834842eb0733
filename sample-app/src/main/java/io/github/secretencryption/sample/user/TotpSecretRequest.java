package io.github.secretencryption.sample.user;

import jakarta.validation.constraints.NotBlank;

/**
 * TOTP secret to set up for a user. The masking placeholder keeps the stored secret.
 *
 * @param secret the Base32 secret, or the placeholder
 */
public record TotpSecretRequest(@NotBlank @TotpSecret String secret) {

	@Override
	public String toString() {
		return "TotpSecretRequest[secret=(hidden)]";
	}

}
