package io.github.secretencryption.sample.user;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.CodecPolicy;
import org.apache.commons.codec.binary.Base32;
import org.jspecify.annotations.Nullable;

/**
 * Time-based one-time passwords as RFC 6238 defines them: HMAC-SHA-1, steps of
 * {@value #STEP_SECONDS} seconds counted from the Unix epoch, and codes of
 * {@value #DIGITS} digits. A code of the step just before or just after the current one
 * is accepted as well, so that a client whose clock drifts a little still gets in.
 * <p>
 * Secrets are Base32 text, as authenticator apps show them: case does not matter and
 * trailing padding is optional. They must decode to between 10 and 80 bytes.
 */
public final class Totp {

	/**
	 * Number of digits of a code.
	 */
	public static final int DIGITS = 6;

	/**
	 * Length of a time step, in seconds.
	 */
	public static final long STEP_SECONDS = 30;

	/**
	 * Number of steps before and after the current one whose codes are accepted.
	 */
	public static final int ALLOWED_DRIFT_STEPS = 1;

	private static final int MIN_SECRET_BYTES = 10;

	private static final int MAX_SECRET_BYTES = 80;

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
			100_000_000 };

	private static final Base32 BASE32 = Base32.builder().setDecodingPolicy(CodecPolicy.STRICT).get();

	private final byte[] key;

	Totp(byte[] key) {
		this.key = key.clone();
	}

	/**
	 * Create an instance for a Base32 secret.
	 * @param secret the secret
	 * @return the instance
	 * @throws IllegalArgumentException if the secret is not valid
	 */
	public static Totp ofBase32(String secret) {
		byte[] key = decode(secret);
		if (key == null) {
			throw new IllegalArgumentException(
					"TOTP secret is not valid Base32 of " + MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES + " bytes");
		}
		return new Totp(key);
	}

	/**
	 * Whether a text is a valid Base32 secret.
	 * @param secret the text
	 * @return {@code true} if {@link #ofBase32(String)} accepts it
	 */
	public static boolean isValidSecret(String secret) {
		return decode(secret) != null;
	}

	/**
	 * Return a secret in the form it is stored in: upper case, without padding.
	 * @param secret a valid secret
	 * @return the normalized secret
	 */
	public static String normalize(String secret) {
		String upperCase = secret.toUpperCase(Locale.ROOT);
		int end = upperCase.length();
		while (end > 0 && upperCase.charAt(end - 1) == '=') {
			end--;
		}
		return upperCase.substring(0, end);
	}

	private static byte @Nullable [] decode(String secret) {
		String normalized = normalize(secret);
		if (normalized.isEmpty() || !BASE32.isInAlphabet(normalized.getBytes(StandardCharsets.US_ASCII), false)) {
			return null;
		}
		try {
			byte[] key = BASE32.decode(normalized);
			return (key.length >= MIN_SECRET_BYTES && key.length <= MAX_SECRET_BYTES) ? key : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Return the code of the step that holds the given instant.
	 * @param time the instant
	 * @return the code, {@value #DIGITS} digits with leading zeros
	 */
	public String generate(Instant time) {
		return generate(time.getEpochSecond(), DIGITS);
	}

	String generate(long epochSecond, int digits) {
		return hotp(Math.floorDiv(epochSecond, STEP_SECONDS), digits);
	}

	/**
	 * Whether a code is the one of the current step, or of a step at most
	 * {@value #ALLOWED_DRIFT_STEPS} away. Codes are compared in constant time.
	 * @param code the code the user entered
	 * @param now the current instant
	 * @return {@code true} if the code is accepted
	 */
	public boolean verify(String code, Instant now) {
		byte[] entered = code.getBytes(StandardCharsets.US_ASCII);
		long current = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
		boolean valid = false;
		for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
			byte[] expected = hotp(step, DIGITS).getBytes(StandardCharsets.US_ASCII);
			valid |= MessageDigest.isEqual(expected, entered);
		}
		return valid;
	}

	private String hotp(long counter, int digits) {
		byte[] hash = hmacSha1(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		StringBuilder code = new StringBuilder(Integer.toString(binary % POWERS_OF_TEN[digits]));
		while (code.length() < digits) {
			code.insert(0, '0');
		}
		return code.toString();
	}

	private byte[] hmacSha1(byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(this.key, "HmacSHA1"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available in this Java runtime");
		}
	}

	@Override
	public String toString() {
		return "Totp[" + this.key.length + "-byte secret]";
	}

}
