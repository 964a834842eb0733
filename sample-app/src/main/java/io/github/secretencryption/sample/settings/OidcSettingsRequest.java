package io.github.secretencryption.sample.settings;

import io.github.secretencryption.sample.web.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * OIDC settings sent by a client. A {@code clientSecret} equal to the masking placeholder
 * keeps the stored secret.
 *
 * @param issuer issuer URL of the identity provider
 * @param clientId client id registered with the identity provider
 * @param clientSecret client secret, or the placeholder
 */
public record OidcSettingsRequest(@NotBlank @Size(max = 255) @HttpUrl String issuer,
		@NotBlank @Size(max = 255) String clientId, @NotBlank @Size(max = 1024) String clientSecret) {

	@Override
	public String toString() {
		return "OidcSettingsRequest[issuer=" + this.issuer + ", clientId=" + this.clientId + "]";
	}

}
