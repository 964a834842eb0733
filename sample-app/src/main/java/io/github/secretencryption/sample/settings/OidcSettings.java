package io.github.secretencryption.sample.settings;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * OpenID Connect client settings; the table holds a single row.
 */
@Entity
@Table(name = "oidc_settings")
public class OidcSettings {

	static final int SINGLE_ROW_ID = 1;

	@Id
	private Integer id = SINGLE_ROW_ID;

	@Column(name = "issuer", nullable = false)
	private String issuer;

	@Column(name = "client_id", nullable = false)
	private String clientId;

	@Encrypted
	@Column(name = "client_secret", nullable = false)
	private String clientSecret;

	protected OidcSettings() {
		this("", "", "");
	}

	public OidcSettings(String issuer, String clientId, String clientSecret) {
		this.issuer = issuer;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	public String getIssuer() {
		return this.issuer;
	}

	public String getClientId() {
		return this.clientId;
	}

	public String getClientSecret() {
		return this.clientSecret;
	}

	void update(String issuer, String clientId, String clientSecret) {
		this.issuer = issuer;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	@Override
	public String toString() {
		return "OidcSettings[issuer=" + this.issuer + ", clientId=" + this.clientId + "]";
	}

}
