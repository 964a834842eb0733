package io.github.secretencryption.lengths;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "pins")
public class Pin {

	@Id
	@GeneratedValue
	private Long id;

	/**
	 * Up to 64 characters, whose encrypted form needs up to 304: too long for 255.
	 */
	@Encrypted
	@Size(max = 64)
	@Column(length = 255)
	private String code;

	/**
	 * Up to 10 characters, whose encrypted form needs up to 88: fits.
	 */
	@Encrypted(maxLength = 10)
	@Column(name = "short_code", length = 100)
	private String shortCode;

	/**
	 * Up to 20 characters by the annotation's own maximum, which wins over {@code @Size}:
	 * needs up to 128, more than 120.
	 */
	@Encrypted(maxLength = 20)
	@Size(max = 5)
	@Column(name = "label", length = 120)
	private String label;

	/**
	 * No known maximum, so not checked at startup; a value of more than 9 bytes does not
	 * fit.
	 */
	@Encrypted
	@Column(length = 60)
	private String free;

	public Long getId() {
		return this.id;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public void setShortCode(String shortCode) {
		this.shortCode = shortCode;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public String getFree() {
		return this.free;
	}

	public void setFree(String free) {
		this.free = free;
	}

}
