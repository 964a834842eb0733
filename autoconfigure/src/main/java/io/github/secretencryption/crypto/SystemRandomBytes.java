package io.github.secretencryption.crypto;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;

import org.jspecify.annotations.Nullable;

/**
 * Random bytes read straight from the operating system's generator, {@code /dev/urandom},
 * where the file exists, and from the Java runtime's default {@link SecureRandom}
 * elsewhere (Windows) or once reading it has failed.
 * <p>
 * On Linux the default {@code SecureRandom} ({@code NativePRNG}) reads the same file but
 * also runs SHA1PRNG for every request and XORs its output in, which costs more than the
 * AES-GCM encryption of a short value. The kernel's generator alone is what nonces need.
 * The file is read through a {@link FileInputStream}, which an interrupted thread does
 * not close, unlike a {@link java.nio.channels.FileChannel}.
 */
final class SystemRandomBytes {

	private static final String DEVICE = "/dev/urandom";

	private static final SecureRandom fallback = new SecureRandom();

	private static volatile @Nullable InputStream device = open();

	private SystemRandomBytes() {
	}

	/**
	 * Fill an array with random bytes.
	 * @param bytes the array
	 */
	static void nextBytes(byte[] bytes) {
		InputStream in = device;
		if (in != null && readFully(in, bytes)) {
			return;
		}
		device = null;
		fallback.nextBytes(bytes);
	}

	/**
	 * Whether bytes come from {@code /dev/urandom} rather than from the fallback.
	 * @return {@code true} while the device is read
	 */
	static boolean readsDevice() {
		return device != null;
	}

	private static boolean readFully(InputStream in, byte[] bytes) {
		try {
			int done = 0;
			while (done < bytes.length) {
				int read = in.read(bytes, done, bytes.length - done);
				if (read <= 0) {
					return false;
				}
				done += read;
			}
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static @Nullable InputStream open() {
		try {
			return new FileInputStream(DEVICE);
		}
		catch (IOException | SecurityException ex) {
			return null;
		}
	}

}
