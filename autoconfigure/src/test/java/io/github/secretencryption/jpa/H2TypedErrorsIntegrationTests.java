package io.github.secretencryption.jpa;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:typed-errors;DB_CLOSE_DELAY=-1")
class H2TypedErrorsIntegrationTests extends TypedErrorsIntegrationTests {

}
