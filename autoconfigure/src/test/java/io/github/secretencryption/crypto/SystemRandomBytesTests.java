package io.github.secretencryption.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SystemRandomBytes}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SystemRandomBytesTests {

	@Test
	@EnabledOnOs(OS.LINUX)
	void readsTheKernelGeneratorOnLinux() {
		SystemRandomBytes.INSTANCE.nextBytes(new byte[12]);
		assertThat(SystemRandomBytes.INSTANCE.readsDevice()).isTrue();
	}

	@Test
	void fillsEveryDrawWithNewBytes() {
		Set<String> draws = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			byte[] bytes = new byte[384];
			SystemRandomBytes.INSTANCE.nextBytes(bytes);
			draws.add(HexFormat.of().formatHex(bytes));
		}
		assertThat(draws).hasSize(1000);
	}

	@Test
	void fillsTheWholeArray() {
		byte[] bytes = new byte[8192];
		SystemRandomBytes.INSTANCE.nextBytes(bytes);
		assertThat(longestZeroRun(bytes)).isLessThan(64);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aDeviceThatReturnsOnlyZeroBytesIsAbandonedForTheFallback(CapturedOutput output) {
		SystemRandomBytes source = new SystemRandomBytes(Path.of("/dev/zero"), new SecureRandom());
		assertThat(source.readsDevice()).isTrue();
		byte[] bytes = new byte[1536];
		source.nextBytes(bytes);
		assertThat(longestZeroRun(bytes)).isLessThan(64);
		assertThat(source.readsDevice()).isFalse();
		assertThat(output).contains("/dev/zero cannot serve as the source of nonces: it returned only zero bytes; "
				+ "nonces come from the Java runtime's default SecureRandom from now on");
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aDeviceAtItsEndIsAbandonedForTheFallback(CapturedOutput output) {
		SystemRandomBytes source = new SystemRandomBytes(Path.of("/dev/null"), new SecureRandom());
		byte[] bytes = new byte[384];
		source.nextBytes(bytes);
		assertThat(longestZeroRun(bytes)).isLessThan(64);
		assertThat(source.readsDevice()).isFalse();
		assertThat(output).contains("/dev/null cannot serve as the source of nonces: it returned no more bytes");
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aRegularFileIsNeverRead(@TempDir Path directory, CapturedOutput output) throws IOException {
		Path file = Files.write(directory.resolve("urandom"), new byte[4096]);
		SystemRandomBytes source = new SystemRandomBytes(file, new SecureRandom());
		assertThat(source.readsDevice()).isFalse();
		byte[] bytes = new byte[384];
		source.nextBytes(bytes);
		assertThat(longestZeroRun(bytes)).isLessThan(64);
		assertThat(output).contains(
				file + " is not a character device; nonces come from the Java runtime's " + "default SecureRandom");
	}

	@Test
	void aMissingDeviceLeavesTheFallback(@TempDir Path directory) {
		SystemRandomBytes source = new SystemRandomBytes(directory.resolve("missing"), new SecureRandom());
		assertThat(source.readsDevice()).isFalse();
		byte[] bytes = new byte[384];
		source.nextBytes(bytes);
		assertThat(longestZeroRun(bytes)).isLessThan(64);
	}

	/**
	 * Return the longest run of zero bytes: each of many random bytes is zero with
	 * probability 1/256, so a run of 64 (an unwritten tail, or a device of zeros) is
	 * practically impossible for random bytes.
	 */
	private static int longestZeroRun(byte[] bytes) {
		int longest = 0;
		int run = 0;
		for (byte b : bytes) {
			run = (b == 0) ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		return longest;
	}

}
