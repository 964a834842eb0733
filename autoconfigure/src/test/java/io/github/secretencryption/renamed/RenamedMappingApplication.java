package io.github.secretencryption.renamed;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RenamedMappingApplication {

}
