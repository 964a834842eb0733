package io.github.secretencryption.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints the methods that a Java Flight Recorder recording, such as the one JMH's
 * {@code -prof jfr} writes, caught most often: by the top frame (self time) and anywhere
 * on the stack (total time), as shares of all execution samples.
 * <p>
 * Usage: {@code HotMethods profile.jfr [rows]}
 *
 * @since 0.1.0
 */
public final class HotMethods {

	private HotMethods() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("Usage: HotMethods profile.jfr [rows]");
			System.exit(2);
		}
		int rows = (args.length > 1) ? Integer.parseInt(args[1]) : 25;
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> total = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			RecordedStackTrace stackTrace = event.getStackTrace();
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stackTrace == null
					|| stackTrace.getFrames().isEmpty()) {
				continue;
			}
			samples++;
			List<RecordedFrame> frames = stackTrace.getFrames();
			self.merge(name(frames.get(0)), 1, Integer::sum);
			Set<String> seen = new HashSet<>();
			for (RecordedFrame frame : frames) {
				if (seen.add(name(frame))) {
					total.merge(name(frame), 1, Integer::sum);
				}
			}
		}
		System.out.println(samples + " execution samples");
		print("Self", self, samples, rows);
		print("Total", total, samples, rows);
	}

	private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
		System.out.println();
		System.out.println(title);
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
			.limit(rows)
			.forEach((entry) -> System.out.printf("%5.1f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
	}

	private static String name(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

}
