package io.github.secretencryption.sample.user;

import io.github.secretencryption.Encrypted;
import org.jspecify.annotations.Nullable;

/**
 * A user as the API shows it, with the TOTP secret masked.
 *
 * @param username name of the user
 * @param totpSecret TOTP secret, written as the masking placeholder, or {@code null} if
 * TOTP is not set up
 */
public record UserResponse(String username, @Encrypted @Nullable String totpSecret) {

	static UserResponse of(UserAccount user) {
		return new UserResponse(user.getUsername(), user.getTotpSecret());
	}

	@Override
	public String toString() {
		return "UserResponse[username=" + this.username + "]";
	}

}
