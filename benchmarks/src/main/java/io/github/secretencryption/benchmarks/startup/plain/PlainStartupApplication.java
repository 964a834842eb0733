package io.github.secretencryption.benchmarks.startup.plain;

import io.github.secretencryption.benchmarks.startup.StartupReport;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal application with one entity and no secret-encryption.
 */
@SpringBootApplication
public class PlainStartupApplication {

	public static void main(String[] args) {
		StartupReport.run(PlainStartupApplication.class, args);
	}

}
