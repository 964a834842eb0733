package io.github.secretencryption.sample.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * SMTP settings sent by a client. A {@code password} equal to the masking placeholder
 * keeps the stored password, and an empty one removes it; a missing one is refused while
 * a password is stored, so that a client that leaves it out cannot remove it by accident.
 *
 * @param host host name of the SMTP server
 * @param port TCP port of the SMTP server
 * @param username user name to log in with, if the server needs one
 * @param password password to log in with, or the placeholder
 */
public record SmtpSettingsRequest(@NotBlank @Size(max = 255) String host, @NotNull @Min(1) @Max(65535) Integer port,
		@Size(max = 255) @Nullable String username, @Size(max = 1024) @Nullable String password) {

	@Override
	public String toString() {
		return "SmtpSettingsRequest[host=" + this.host + ", port=" + this.port + ", username=" + this.username + "]";
	}

}
