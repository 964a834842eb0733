package io.github.secretencryption.sample.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.secretencryption.sample.PatchManagerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Starts the whole application the way an operator does, on a given database and key
 * directory, with its web server on a free port of the loopback interface.
 */
public final class PatchManager {

	private PatchManager() {
	}

	/**
	 * Start the application.
	 * @param database the database
	 * @param keyDirectory the key directory
	 * @param extraArguments further command line arguments
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(TestDatabase database, Path keyDirectory,
			String... extraArguments) {
		List<String> arguments = new ArrayList<>(database.commandLineArguments());
		arguments.add("--secret-encryption.key-directory=" + keyDirectory);
		arguments.add("--server.address=127.0.0.1");
		arguments.add("--server.port=0");
		arguments.add("--spring.main.banner-mode=off");
		arguments.addAll(List.of(extraArguments));
		return new SpringApplicationBuilder(PatchManagerApplication.class).run(arguments.toArray(String[]::new));
	}

	/**
	 * Return a client of the application's API.
	 * @param context the running application
	 * @return the client
	 */
	public static RestClient client(ConfigurableApplicationContext context) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		return RestClient.create("http://127.0.0.1:" + port);
	}

}
