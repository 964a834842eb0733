package io.github.secretencryption.benchmarks.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The baseline: a plain implementation of format version 1 (docs/FORMAT.md) with the Java
 * Cryptography Architecture, one {@link Cipher} per thread and one shared
 * {@link SecureRandom}, written the way the JCA documentation suggests. It checks the
 * prefix, the marker and the key id but, unlike {@code AesGcmEncryptor}, neither refuses
 * non-canonical Base64 nor looks the key up in a key ring.
 */
final class JcaBaselineFieldEncryptor implements FieldEncryptor {

	static final String NAME = "jca-baseline";

	private static final String PREFIX = "se1:";

	private static final int KEY_ID = 0x69677391;

	private static final ThreadLocal<Cipher> cipher = ThreadLocal.withInitial(JcaBaselineFieldEncryptor::newCipher);

	private final SecretKey key = new SecretKeySpec(Fixtures.randomBytes(32), "AES");

	private final SecureRandom random = new SecureRandom();

	@Override
	public String encrypt(String plaintext) {
		byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
		byte[] nonce = new byte[12];
		this.random.nextBytes(nonce);
		byte[] output = new byte[33 + input.length];
		output[0] = 0x01;
		ByteBuffer.wrap(output, 1, 4).putInt(KEY_ID);
		System.arraycopy(nonce, 0, output, 5, 12);
		try {
			Cipher gcm = cipher.get();
			gcm.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			gcm.updateAAD(Fixtures.ASSOCIATED_DATA);
			gcm.doFinal(input, 0, input.length, output, 17);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		return PREFIX + Base64.getEncoder().encodeToString(output);
	}

	@Override
	public String decrypt(String stored) {
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not an encrypted value");
		}
		byte[] binary = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		if (binary.length < 33 || binary[0] != 0x01 || ByteBuffer.wrap(binary, 1, 4).getInt() != KEY_ID) {
			throw new IllegalArgumentException("Malformed value or unknown key id");
		}
		try {
			Cipher gcm = cipher.get();
			gcm.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, binary, 5, 12));
			gcm.updateAAD(Fixtures.ASSOCIATED_DATA);
			return new String(gcm.doFinal(binary, 17, binary.length - 17), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
