package io.github.secretencryption.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.hibernate.binder.AttributeBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Micrometer counters of failed reads and legacy plaintext reads of
 * encrypted columns. The counters are registered in the application's
 * {@link MeterRegistry} when it has one, and so show in Actuator's {@code metrics}
 * endpoint.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass({ MeterRegistry.class, AttributeBinder.class })
public final class SecretEncryptionMetricsAutoConfiguration {

	@Bean
	EncryptedReadMetrics secretEncryptionReadMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
		return new EncryptedReadMetrics(meterRegistry);
	}

}
