package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.jackson.SecretMasking;
import io.github.secretencryption.jackson.SecretMaskingModule;
import tools.jackson.databind.JacksonModule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Auto-configuration of the masking of {@link io.github.secretencryption.Encrypted}
 * attributes in JSON written to HTTP responses. It contributes a {@link JacksonModule}
 * bean, which Spring Boot registers with the mapper it builds; the user's mapper settings
 * stay as they are.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SecretEncryptionAutoConfiguration.class, before = JacksonAutoConfiguration.class)
@ConditionalOnClass({ JacksonModule.class, JacksonAutoConfiguration.class })
@ConditionalOnProperty(prefix = "secret-encryption.masking", name = "enabled", matchIfMissing = true)
public final class SecretEncryptionJacksonAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecretMaskingModule secretEncryptionMaskingModule(SecretMasking masking) {
		return new SecretMaskingModule(masking);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(ResponseBodyAdvice.class)
	static class WebMaskingConfiguration {

		@Bean
		MaskingResponseBodyAdvice secretEncryptionMaskingResponseBodyAdvice() {
			return new MaskingResponseBodyAdvice();
		}

		@Bean
		MaskingScopeFilter secretEncryptionMaskingScopeFilter() {
			return new MaskingScopeFilter();
		}

		@Bean
		WebMvcConfigurer secretEncryptionMaskingScopeConfigurer() {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new MaskingScopeInterceptor()).order(Ordered.LOWEST_PRECEDENCE);
				}

			};
		}

		@Bean
		PlaceholderValueExceptionHandler secretEncryptionPlaceholderValueExceptionHandler() {
			return new PlaceholderValueExceptionHandler();
		}

	}

}
