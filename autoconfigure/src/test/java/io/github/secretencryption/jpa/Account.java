package io.github.secretencryption.jpa;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "test_accounts")
public class Account {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@Encrypted
	@Column(length = 2000)
	private String apiToken;

	@Encrypted(key = "health-check")
	@Column(length = 2000)
	private String probePassword;

	@Encrypted(context = "legacy_accounts.token")
	@Column(name = "renamed_token", length = 2000)
	private String renamedToken;

	protected Account() {
	}

	public Account(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(String apiToken) {
		this.apiToken = apiToken;
	}

	public String getProbePassword() {
		return this.probePassword;
	}

	public void setProbePassword(String probePassword) {
		this.probePassword = probePassword;
	}

	public String getRenamedToken() {
		return this.renamedToken;
	}

	public void setRenamedToken(String renamedToken) {
		this.renamedToken = renamedToken;
	}

}
