package io.github.secretencryption.sample.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * TOTP code entered by a user.
 *
 * @param code the six-digit code
 */
public record TotpCodeRequest(@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code) {

	@Override
	public String toString() {
		return "TotpCodeRequest[code=(hidden)]";
	}

}
