package io.github.secretencryption.mapping.numeric;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An entity that marks a number {@code @Encrypted}.
 */
@Entity
public class NumericSecret {

	@Id
	private Long id;

	@Encrypted
	private Integer pin;

}
