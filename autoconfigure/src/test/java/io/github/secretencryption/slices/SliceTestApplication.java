package io.github.secretencryption.slices;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with an {@code @Encrypted} entity, a repository and a controller, as
 * seen by its own test slices.
 */
@SpringBootApplication
public class SliceTestApplication {

}
