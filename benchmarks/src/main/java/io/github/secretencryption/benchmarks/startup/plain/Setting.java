package io.github.secretencryption.benchmarks.startup.plain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A setting whose value is stored as plaintext.
 */
@Entity
public class Setting {

	@Id
	private Long id;

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
