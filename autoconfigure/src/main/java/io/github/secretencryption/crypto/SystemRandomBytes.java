package io.github.secretencryption.crypto;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Random bytes read straight from the operating system's generator, {@code /dev/urandom},
 * where it is a character device, and from the Java runtime's default
 * {@link SecureRandom} elsewhere (Windows) or once reading it has failed.
 * <p>
 * On Linux the default {@code SecureRandom} ({@code NativePRNG}) reads the same device
 * but also runs SHA1PRNG for every request and XORs its output in, which costs more than
 * the AES-GCM encryption of a short value. The kernel's generator alone is what nonces
 * need. The device is read through a {@link FileInputStream}, which an interrupted thread
 * does not close, unlike a {@link java.nio.channels.FileChannel}. A read that fails,
 * ends, or returns only zero bytes (as {@code /dev/zero} mounted in its place would)
 * switches to the fallback for the rest of the JVM's life, with a warning.
 */
final class SystemRandomBytes {

	private static final Log logger = LogFactory.getLog(SystemRandomBytes.class);

	/**
	 * The operating system's generator, as the encryptors read it.
	 */
	static final SystemRandomBytes INSTANCE = new SystemRandomBytes(Path.of("/dev/urandom"), new SecureRandom());

	/**
	 * File type bits of a character device in {@code st_mode}.
	 */
	private static final int CHARACTER_DEVICE = 0020000;

	private static final int FILE_TYPE_MASK = 0170000;

	private final Path path;

	private final SecureRandom fallback;

	private volatile @Nullable InputStream device;

	/**
	 * Create a source that reads a device file.
	 * @param path the device
	 * @param fallback the source of bytes when the device is missing or fails
	 */
	SystemRandomBytes(Path path, SecureRandom fallback) {
		this.path = path;
		this.fallback = fallback;
		this.device = open(path);
	}

	/**
	 * Fill an array with random bytes.
	 * @param bytes the array
	 */
	void nextBytes(byte[] bytes) {
		InputStream in = this.device;
		if (in != null) {
			String failure = readFully(in, bytes);
			if (failure == null) {
				return;
			}
			abandon(in, failure);
		}
		this.fallback.nextBytes(bytes);
	}

	/**
	 * Whether bytes come from {@code /dev/urandom} rather than from the fallback.
	 * @return {@code true} while the device is read
	 */
	boolean readsDevice() {
		return this.device != null;
	}

	/**
	 * Fill an array from the device, and return {@code null}, or say why that failed.
	 */
	private static @Nullable String readFully(InputStream in, byte[] bytes) {
		try {
			int done = 0;
			int any = 0;
			while (done < bytes.length) {
				int read = in.read(bytes, done, bytes.length - done);
				if (read <= 0) {
					return "it returned no more bytes";
				}
				for (int i = done; i < done + read; i++) {
					any |= bytes[i];
				}
				done += read;
			}
			// Sixteen or more random bytes are all zero with a probability of at most
			// 2^-128
			return (any != 0 || bytes.length < 16) ? null : "it returned only zero bytes";
		}
		catch (IOException ex) {
			return "reading failed (" + ex.getClass().getSimpleName() + ")";
		}
	}

	private synchronized void abandon(InputStream in, String failure) {
		if (this.device != in) {
			return;
		}
		this.device = null;
		logger.warn(this.path + " cannot serve as the source of nonces: " + failure
				+ "; nonces come from the Java runtime's default SecureRandom from now on");
		try {
			in.close();
		}
		catch (IOException ex) {
			// Already abandoned
		}
	}

	private static @Nullable InputStream open(Path path) {
		try {
			Object mode = Files.getAttribute(path, "unix:mode");
			if (!(mode instanceof Integer bits) || (bits & FILE_TYPE_MASK) != CHARACTER_DEVICE) {
				logger.warn(path + " is not a character device; nonces come from the Java runtime's default "
						+ "SecureRandom");
				return null;
			}
			return new FileInputStream(path.toFile());
		}
		catch (IOException | UnsupportedOperationException | SecurityException | IllegalArgumentException ex) {
			// No such device or no POSIX file attributes (Windows): the fallback serves
			return null;
		}
	}

}
