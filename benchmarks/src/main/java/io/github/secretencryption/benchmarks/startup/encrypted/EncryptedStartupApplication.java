package io.github.secretencryption.benchmarks.startup.encrypted;

import io.github.secretencryption.benchmarks.startup.StartupReport;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The same application as the plain one, with the starter and its entity's value
 * {@code @Encrypted}.
 */
@SpringBootApplication
public class EncryptedStartupApplication {

	public static void main(String[] args) {
		StartupReport.run(EncryptedStartupApplication.class, args);
	}

}
