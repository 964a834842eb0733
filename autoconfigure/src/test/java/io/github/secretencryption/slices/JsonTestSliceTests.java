package io.github.secretencryption.slices;

import io.github.secretencryption.jackson.SecretMasking;
import io.github.secretencryption.jackson.SecretMaskingModule;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own {@code @JsonTest} has the masking module, which masks only where
 * masking is active, and needs no key directory.
 */
@JsonTest
class JsonTestSliceTests extends KeyDirectoryUntouched {

	@Autowired
	private JacksonTester<Credential> json;

	@Autowired
	private ApplicationContext context;

	@Test
	void masksOnlyWhereMaskingIsActive() throws Exception {
		assertThat(this.context.getBeansOfType(SecretMaskingModule.class)).hasSize(1);
		Credential credential = new Credential("json", "json-password");
		assertThat(this.json.write(credential)).extractingJsonPathStringValue("$.password").isEqualTo("json-password");
		SecretMasking.activate();
		try {
			assertThat(this.json.write(credential)).extractingJsonPathStringValue("$.password").isEqualTo("MASKED");
		}
		finally {
			SecretMasking.deactivate();
		}
	}

}
