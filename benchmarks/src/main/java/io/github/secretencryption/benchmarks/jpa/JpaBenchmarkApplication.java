package io.github.secretencryption.benchmarks.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application whose persistence unit {@link JpaBenchmark} loads and saves.
 */
@SpringBootApplication
public class JpaBenchmarkApplication {

}
