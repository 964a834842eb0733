package io.github.secretencryption.benchmarks.startup.encrypted;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A setting whose value is encrypted by secret-encryption.
 */
@Entity
public class Setting {

	@Id
	private Long id;

	@Encrypted
	@Column(name = "setting_value")
	private String value;

	protected Setting() {
	}

	public Long getId() {
		return this.id;
	}

	public String getValue() {
		return this.value;
	}

}
