package io.github.secretencryption.sample.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Computes RFC 6238 codes the way an authenticator app does, written apart from the
 * application's own implementation so that tests do not check it against itself.
 */
public final class TotpCodes {

	private TotpCodes() {
	}

	/**
	 * Return the six-digit code of a Base32 secret at an instant, with 30-second steps.
	 * @param base32Secret the secret
	 * @param time the instant
	 * @return the code
	 */
	public static String at(String base32Secret, Instant time) {
		byte[] key = new Base32().decode(base32Secret);
		long step = time.getEpochSecond() / 30;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[19] & 0xf;
			int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
			return String.format("%06d", value % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return a six-digit code that is the code of no step within two steps of the given
	 * instant, so that a verifier whose clock is a step ahead or behind still rejects it.
	 * @param base32Secret the secret
	 * @param time the instant
	 * @return a wrong code
	 */
	public static String wrongAt(String base32Secret, Instant time) {
		Set<String> near = new HashSet<>();
		for (int step = -2; step <= 2; step++) {
			near.add(at(base32Secret, time.plusSeconds(30L * step)));
		}
		int candidate = 0;
		while (near.contains(String.format("%06d", candidate))) {
			candidate++;
		}
		return String.format("%06d", candidate);
	}

}
