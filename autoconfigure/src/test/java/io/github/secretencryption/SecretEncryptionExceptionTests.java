package io.github.secretencryption;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretEncryptionException}.
 */
class SecretEncryptionExceptionTests {

	@Test
	void survivesJavaSerializationWithItsLocation() throws Exception {
		SecretLocation location = new SecretLocation("secret-encryption", "8a193880", "Account", "apiToken", "accounts",
				"api_token", "42");
		DecryptionFailedException failure = new DecryptionFailedException("Value is tampered or corrupted", location);
		DecryptionFailedException copy = (DecryptionFailedException) roundTrip(failure);
		assertThat(copy).hasMessage(failure.getMessage());
		assertThat(copy.getProblem()).isEqualTo("Value is tampered or corrupted");
		assertThat(copy.getLocation()).isEqualTo(location);
	}

	private static Object roundTrip(Object object) throws IOException, ClassNotFoundException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(object);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return in.readObject();
		}
	}

}
