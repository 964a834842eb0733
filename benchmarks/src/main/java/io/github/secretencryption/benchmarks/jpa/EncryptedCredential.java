package io.github.secretencryption.benchmarks.jpa;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A credential with two attributes encrypted by secret-encryption.
 */
@Entity
@Table(name = "encrypted_credentials")
public class EncryptedCredential implements Credential {

	@Id
	private Long id;

	@Column(name = "name", nullable = false)
	private String name;

	@Encrypted
	@Column(name = "password")
	private String password;

	@Encrypted
	@Column(name = "api_token")
	private String apiToken;

	protected EncryptedCredential() {
	}

	EncryptedCredential(long id, String name, String password, String apiToken) {
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
