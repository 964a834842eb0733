package io.github.secretencryption.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts an application, prints how long it took to be ready and stops it.
 *
 * @since 0.1.0
 */
public final class StartupReport {

	/**
	 * Start of the line printed once the application is ready.
	 */
	static final String LINE_PREFIX = "startup-report ";

	private StartupReport() {
	}

	/**
	 * Run an application, report when it is ready, and exit.
	 * @param application the application class
	 * @param args the command-line arguments
	 */
	public static void run(Class<?> application, String[] args) {
		SpringApplication springApplication = new SpringApplication(application);
		springApplication.setWebApplicationType(WebApplicationType.NONE);
		Duration[] ready = new Duration[1];
		springApplication.addListeners((ApplicationReadyEvent event) -> ready[0] = event.getTimeTaken());
		ConfigurableApplicationContext context = springApplication.run(args);
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		long cpuTime = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		System.out.println(LINE_PREFIX + "ready-ms=" + ready[0].toMillis() + " jvm-uptime-ms=" + uptime + " cpu-ms="
				+ cpuTime / 1_000_000);
		System.exit(SpringApplication.exit(context));
	}

}
