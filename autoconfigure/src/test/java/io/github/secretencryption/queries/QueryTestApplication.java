package io.github.secretencryption.queries;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QueryTestApplication {

}
