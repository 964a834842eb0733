package io.github.secretencryption.jasypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * An application for forked runs that prints the SHA-256 of its {@code app.password}
 * property, as decrypted, on standard output, and stops. It has no DataSource, which
 * keeps it quick to start.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
public class ConfigValueTestApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ConfigValueTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Bean
	ApplicationRunner printPasswordDigest(Environment environment) {
		return (arguments) -> System.out
			.println("app.password sha-256 " + sha256(environment.getProperty("app.password")));
	}

	public static String sha256(String value) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

}
