package io.github.secretencryption.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SystemRandomBytes}.
 */
class SystemRandomBytesTests {

	@Test
	@EnabledOnOs(OS.LINUX)
	void readsTheKernelGeneratorOnLinux() {
		assertThat(Files.isReadable(Path.of("/dev/urandom"))).isTrue();
		SystemRandomBytes.nextBytes(new byte[12]);
		assertThat(SystemRandomBytes.readsDevice()).isTrue();
	}

	@Test
	void fillsEveryDrawWithNewBytes() {
		Set<String> draws = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			byte[] bytes = new byte[384];
			SystemRandomBytes.nextBytes(bytes);
			draws.add(HexFormat.of().formatHex(bytes));
		}
		assertThat(draws).hasSize(1000);
	}

	@Test
	void fillsTheWholeArray() {
		// Each of 8 KiB of random bytes is zero with probability 1/256; a tail left
		// unwritten would show as a run of 64 zero bytes, which random bytes make
		// practically impossible
		byte[] bytes = new byte[8192];
		SystemRandomBytes.nextBytes(bytes);
		int longestZeroRun = 0;
		int run = 0;
		for (byte b : bytes) {
			run = (b == 0) ? run + 1 : 0;
			longestZeroRun = Math.max(longestZeroRun, run);
		}
		assertThat(longestZeroRun).isLessThan(64);
	}

}
