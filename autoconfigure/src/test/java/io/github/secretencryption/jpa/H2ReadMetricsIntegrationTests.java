package io.github.secretencryption.jpa;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:read-metrics;DB_CLOSE_DELAY=-1")
class H2ReadMetricsIntegrationTests extends ReadMetricsIntegrationTests {

}
