package io.github.secretencryption.sample.healthcheck;

import io.github.secretencryption.Encrypted;
import org.jspecify.annotations.Nullable;

/**
 * A health check as the API shows it, with the password masked.
 *
 * @param id id of the health check
 * @param name name shown to operators
 * @param url HTTP or HTTPS URL to poll
 * @param username basic-auth user name, if any
 * @param password basic-auth password, written as the masking placeholder, or
 * {@code null} if none is stored
 */
public record HealthCheckResponse(@Nullable Long id, String name, String url, @Nullable String username,
		@Encrypted(key = "health-check") @Nullable String password) {

	static HealthCheckResponse of(HealthCheck check) {
		return new HealthCheckResponse(check.getId(), check.getName(), check.getUrl(), check.getUsername(),
				check.getPassword());
	}

	@Override
	public String toString() {
		return "HealthCheckResponse[id=" + this.id + ", name=" + this.name + ", url=" + this.url + "]";
	}

}
