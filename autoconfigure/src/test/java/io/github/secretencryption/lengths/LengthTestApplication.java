package io.github.secretencryption.lengths;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LengthTestApplication {

}
