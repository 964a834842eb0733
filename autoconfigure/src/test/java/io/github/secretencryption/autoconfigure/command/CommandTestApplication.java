package io.github.secretencryption.autoconfigure.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CommandTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(CommandTestApplication.class, args);
	}

}
