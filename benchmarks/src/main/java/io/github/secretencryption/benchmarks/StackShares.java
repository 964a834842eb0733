package io.github.secretencryption.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums the samples of async-profiler's collapsed stacks (one line per stack: frames from
 * the thread's root to the leaf separated by {@code ;}, a space, and a sample count) into
 * the shares of a few parts, so that two profiles of one benchmark can be compared part
 * by part. A stack belongs to the first part, in the order listed, that has a pattern
 * found in any of its frames; stacks of no part are reported as "rest".
 * <p>
 * Usage: {@code StackShares crypto|jpa collapsed.txt...}
 *
 * @since 0.1.0
 */
public final class StackShares {

	private static final Map<String, List<Part>> PART_SETS = Map.of("crypto",
			List.of(new Part("JCA Cipher.init", "javax/crypto/Cipher.init"),
					new Part("JCA Cipher.updateAAD", "javax/crypto/Cipher.updateAAD"),
					new Part("JCA Cipher.doFinal", "javax/crypto/Cipher.doFinal"),
					new Part("nonce", "SecureRandom", "takeNonce"), new Part("Base64", "Base64"),
					new Part("String and UTF-8", "java/lang/String", "StringConcat"),
					new Part("key lookup", "keys/KeyRing"), new Part("ThreadLocal", "java/lang/ThreadLocal"),
					new Part("wiping buffers", "java/util/Arrays.fill"),
					new Part("JIT compiler and GC threads", "CompileBroker", "G1", "GCTaskThread")),
			"jpa",
			List.of(new Part("AesGcmEncryptor.decrypt", "AesGcmEncryptor.decrypt"),
					new Part("AesGcmEncryptor.encrypt", "AesGcmEncryptor.encrypt"),
					new Part("EncryptedStringType, not crypto", "EncryptedStringType"),
					new Part("JIT compiler and GC threads", "CompileBroker", "G1", "GCTaskThread"),
					new Part("database driver", "org/h2/", "org/postgresql/"),
					new Part("Hibernate", "org/hibernate/")));

	private StackShares() {
	}

	public static void main(String[] args) throws IOException {
		List<Part> parts = (args.length >= 2) ? PART_SETS.get(args[0]) : null;
		if (parts == null) {
			System.err.println("Usage: StackShares crypto|jpa collapsed.txt...");
			System.exit(2);
		}
		for (int i = 1; i < args.length; i++) {
			print(Path.of(args[i]), parts);
		}
	}

	private static void print(Path file, List<Part> parts) throws IOException {
		Map<String, Long> samples = new LinkedHashMap<>();
		parts.forEach((part) -> samples.put(part.name(), 0L));
		samples.put("rest", 0L);
		long total = 0;
		for (String line : Files.readAllLines(file)) {
			int space = line.lastIndexOf(' ');
			if (space < 0) {
				continue;
			}
			long count = Long.parseLong(line.substring(space + 1).trim());
			String stack = line.substring(0, space);
			String part = parts.stream()
				.filter((candidate) -> candidate.matches(stack))
				.map(Part::name)
				.findFirst()
				.orElse("rest");
			samples.merge(part, count, Long::sum);
			total += count;
		}
		System.out.println(file + ": " + total + " samples");
		for (Map.Entry<String, Long> entry : samples.entrySet()) {
			System.out.printf("  %5.1f%%  %s%n", (total > 0) ? 100.0 * entry.getValue() / total : 0.0, entry.getKey());
		}
	}

	private record Part(String name, String... patterns) {

		boolean matches(String stack) {
			for (String pattern : this.patterns) {
				if (stack.contains(pattern)) {
					return true;
				}
			}
			return false;
		}

	}

}
