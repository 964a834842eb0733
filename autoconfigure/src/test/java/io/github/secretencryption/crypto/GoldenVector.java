package io.github.secretencryption.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;

/**
 * A known-answer vector of format version 1, read from
 * {@code golden-vectors/v1.properties}.
 *
 * @param number position of the vector in the file, from 1
 * @param description what the vector covers
 * @param key the key bytes
 * @param keyId the key id, as written in the file
 * @param nonce the nonce bytes
 * @param associatedData the associated data, as text
 * @param plaintext the plaintext bytes
 * @param output the stored text
 */
record GoldenVector(int number, String description, byte[] key, String keyId, byte[] nonce, String associatedData,
		byte[] plaintext, String output) {

	static final String KEY_NAME = "secret-encryption";

	private static final String RESOURCE = "/golden-vectors/v1.properties";

	static List<GoldenVector> load() {
		Properties properties = new Properties();
		try (InputStream input = GoldenVector.class.getResourceAsStream(RESOURCE)) {
			if (input == null) {
				throw new IllegalStateException("Resource " + RESOURCE + " is missing");
			}
			try (Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		HexFormat hex = HexFormat.of();
		List<GoldenVector> vectors = new ArrayList<>();
		for (int number = 1; properties.containsKey(number + ".key"); number++) {
			String prefix = number + ".";
			vectors.add(new GoldenVector(number, properties.getProperty(prefix + "description"),
					hex.parseHex(properties.getProperty(prefix + "key")), properties.getProperty(prefix + "keyId"),
					hex.parseHex(properties.getProperty(prefix + "nonce")), properties.getProperty(prefix + "aad"),
					hex.parseHex(properties.getProperty(prefix + "plaintext")),
					properties.getProperty(prefix + "output")));
		}
		if (vectors.size() * 7 != properties.size()) {
			throw new IllegalStateException("Resource " + RESOURCE + " has entries outside the numbered vectors");
		}
		return vectors;
	}

	byte[] associatedDataBytes() {
		return this.associatedData.getBytes(StandardCharsets.UTF_8);
	}

	String plaintextText() {
		return new String(this.plaintext, StandardCharsets.UTF_8);
	}

	EncryptionKey encryptionKey() {
		return new EncryptionKey(KEY_NAME, this.key, null);
	}

	KeyId parsedKeyId() {
		return KeyId.parse(this.keyId);
	}

	AesGcmEncryptor encryptorWithFixedNonce() {
		KeyRing keyRing = KeyRing.of(List.of(encryptionKey()));
		return new AesGcmEncryptor(() -> keyRing, new FixedNonceSecureRandom(this.nonce));
	}

	@Override
	public String toString() {
		return "vector " + this.number + " (" + this.description + ")";
	}

}
