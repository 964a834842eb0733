package io.github.secretencryption.renamed;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The table of {@link io.github.secretencryption.jpa.Account} as a later version of an
 * application maps it: another class, another field name, and the table and column names
 * written in upper case.
 */
@Entity
@Table(name = "TEST_ACCOUNTS")
public class Credential {

	@Id
	private Long id;

	@Encrypted
	@Column(name = "API_TOKEN")
	private String secretValue;

	protected Credential() {
	}

	public String getSecretValue() {
		return this.secretValue;
	}

}
