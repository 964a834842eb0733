package io.github.secretencryption.benchmarks.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A credential with the same attributes as {@link EncryptedCredential}, stored as
 * plaintext.
 */
@Entity
@Table(name = "plain_credentials")
public class PlainCredential implements Credential {

	@Id
	private Long id;

	@Column(name = "name", nullable = false)
	private String name;

	@Column(name = "password")
	private String password;

	@Column(name = "api_token")
	private String apiToken;

	protected PlainCredential() {
	}

	PlainCredential(long id, String name, String password, String apiToken) {
		this.id = id;
		this.name = name;
		this.password = password;
		this.apiToken = apiToken;
	}

	@Override
	public Long getId() {
		return this.id;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getApiToken() {
		return this.apiToken;
	}

}
