package io.github.secretencryption.secondunit;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "vault_entries")
public class VaultEntry {

	@Id
	@GeneratedValue
	private Long id;

	@Encrypted
	@Column(columnDefinition = "text")
	private String secret;

	protected VaultEntry() {
	}

	public VaultEntry(String secret) {
		this.secret = secret;
	}

	public Long getId() {
		return this.id;
	}

	public String getSecret() {
		return this.secret;
	}

}
