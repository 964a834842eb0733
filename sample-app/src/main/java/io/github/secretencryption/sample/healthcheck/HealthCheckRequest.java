package io.github.secretencryption.sample.healthcheck;

import io.github.secretencryption.sample.web.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A health check to create.
 *
 * @param name name shown to operators
 * @param url HTTP or HTTPS URL to poll
 * @param username basic-auth user name, if the endpoint needs one
 * @param password basic-auth password, if the endpoint needs one
 */
public record HealthCheckRequest(@NotBlank @Size(max = 100) String name,
		@NotBlank @Size(max = 2048) @HttpUrl String url, @Size(max = 255) @Nullable String username,
		@Size(max = 1024) @Nullable String password) {

	@Override
	public String toString() {
		return "HealthCheckRequest[name=" + this.name + ", url=" + this.url + ", username=" + this.username + "]";
	}

}
