package io.github.secretencryption.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the benchmarks ran on.
 */
final class Machine {

	private Machine() {
	}

	static String describe(String loadBefore, String loadAfter) {
		return "| Machine | |\n|---|---|\n" + "| CPU | " + cpuModel() + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores available to the JVM |\n" + "| Memory | "
				+ memory() + " |\n" + "| JDK | " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.vendor") + ") |\n"
				+ "| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch") + " |\n" + "| Load average (1, 5, 15 min) | before " + loadBefore
				+ ", after " + loadAfter + " |\n";
	}

	static String loadAverage() {
		String load = read("/proc/loadavg");
		if (load.isEmpty()) {
			return "unknown";
		}
		String[] fields = load.trim().split("\\s+");
		return fields[0] + ", " + fields[1] + ", " + fields[2];
	}

	private static String cpuModel() {
		return read("/proc/cpuinfo").lines()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse(System.getProperty("os.arch"));
	}

	private static String memory() {
		return read("/proc/meminfo").lines()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024 * 1024) + " GiB")
			.findFirst()
			.orElse("unknown");
	}

	private static String read(String file) {
		try {
			return Files.readString(Path.of(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
