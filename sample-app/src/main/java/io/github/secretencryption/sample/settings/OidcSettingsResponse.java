package io.github.secretencryption.sample.settings;

import io.github.secretencryption.Encrypted;

/**
 * OIDC settings as the API shows them, with the client secret masked.
 *
 * @param issuer issuer URL of the identity provider
 * @param clientId client id registered with the identity provider
 * @param clientSecret client secret, written as the masking placeholder
 */
public record OidcSettingsResponse(String issuer, String clientId, @Encrypted String clientSecret) {

	static OidcSettingsResponse of(OidcSettings settings) {
		return new OidcSettingsResponse(settings.getIssuer(), settings.getClientId(), settings.getClientSecret());
	}

	@Override
	public String toString() {
		return "OidcSettingsResponse[issuer=" + this.issuer + ", clientId=" + this.clientId + "]";
	}

}
