package io.github.secretencryption.queries;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:encrypted-queries;DB_CLOSE_DELAY=-1")
class H2EncryptedQueryIntegrationTests extends EncryptedQueryIntegrationTests {

}
