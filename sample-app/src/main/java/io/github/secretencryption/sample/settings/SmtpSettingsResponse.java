package io.github.secretencryption.sample.settings;

import io.github.secretencryption.Encrypted;
import org.jspecify.annotations.Nullable;

/**
 * SMTP settings as the API shows them, with the password masked.
 *
 * @param host host name of the SMTP server
 * @param port TCP port of the SMTP server
 * @param username user name to log in with, if any
 * @param password password, written as the masking placeholder, or {@code null} if none
 * is stored
 */
public record SmtpSettingsResponse(String host, Integer port, @Nullable String username,
		@Encrypted @Nullable String password) {

	static SmtpSettingsResponse of(SmtpSettings settings) {
		return new SmtpSettingsResponse(settings.getHost(), settings.getPort(), settings.getUsername(),
				settings.getPassword());
	}

	@Override
	public String toString() {
		return "SmtpSettingsResponse[host=" + this.host + ", port=" + this.port + ", username=" + this.username + "]";
	}

}
