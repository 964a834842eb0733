package io.github.secretencryption.mapping.unknownkey;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An entity whose {@code @Encrypted} attribute names a key that is not configured.
 */
@Entity
public class MistypedKeySecret {

	@Id
	private Long id;

	@Encrypted(key = "secret-encrypton")
	private String token;

}
