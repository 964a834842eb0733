package io.github.secretencryption.jpa;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.github.secretencryption.DecryptionFailedException;
import io.github.secretencryption.NotEncryptedValueException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Legacy plaintext reads, allowed by {@code secret-encryption.plaintext-reads=allow}, and
 * failed reads are logged without values and counted in Micrometer, visible through
 * Actuator; run on each database by a subclass.
 */
@SpringBootTest(classes = JpaTestApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "secret-encryption.insecure-ephemeral-keys=true",
				"secret-encryption.plaintext-reads=allow", "management.endpoints.web.exposure.include=metrics" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
abstract class ReadMetricsIntegrationTests {

	private static final String FAILURES = "secret.encryption.decryption.failures";

	private static final String PLAINTEXT_READS = "secret.encryption.plaintext.reads";

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private MockMvc mvc;

	@BeforeEach
	void clean() {
		this.jdbc.update("delete from test_accounts");
	}

	@Test
	void legacyPlaintextIsReadAsItIsLoggedWithoutTheValueAndCounted(CapturedOutput output) throws Exception {
		Long id = this.accounts.save(new Account("legacy")).getId();
		this.jdbc.update("update test_accounts set api_token = 'legacy-plaintext-token' where id = ?", id);
		double before = count(PLAINTEXT_READS);
		assertThat(this.accounts.findById(id)).get()
			.extracting(Account::getApiToken)
			.isEqualTo("legacy-plaintext-token");
		assertThat(count(PLAINTEXT_READS)).isEqualTo(before + 1);
		assertThat(output)
			.containsOnlyOnce("Read legacy plaintext from an encrypted column (key secret-encryption, " + "attribute "
					+ Account.class.getName() + ".apiToken, column test_accounts.api_token, primary key " + id + ")");
		assertThat(output).doesNotContain("legacy-plaintext-token");
		this.mvc.perform(get("/actuator/metrics/" + PLAINTEXT_READS))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measurements[0].value").value(count(PLAINTEXT_READS)))
			.andExpect(jsonList("$.availableTags[*].tag", "column"))
			.andExpect(jsonList("$.availableTags[?(@.tag == 'column')].values[*]", "test_accounts.api_token"));
	}

	@Test
	void valueInAnUnknownFormatVersionStillFails() {
		Long id = this.accounts.save(new Account("future")).getId();
		this.jdbc.update("update test_accounts set api_token = 'se2:AAAA' where id = ?", id);
		assertThatExceptionOfType(NotEncryptedValueException.class).isThrownBy(() -> this.accounts.findById(id))
			.withMessageContaining("format version 2");
	}

	@Test
	void failedReadsAreCountedByKeyIdColumnAndReason(CapturedOutput output) throws Exception {
		Account account = new Account("copied");
		account.setApiToken("copied-token");
		Long id = this.accounts.save(account).getId();
		this.jdbc.update("update test_accounts set renamed_token = api_token where id = ?", id);
		String keyId = AesGcmEncryptor
			.keyIdOf(this.jdbc.queryForObject("select api_token from test_accounts where id = ?", String.class, id))
			.toString();
		double before = count(FAILURES);
		assertThatExceptionOfType(DecryptionFailedException.class).isThrownBy(() -> this.accounts.findById(id));
		Counter counter = this.meterRegistry.get(FAILURES)
			.tag("key", "secret-encryption")
			.tag("key.id", keyId)
			.tag("column", "test_accounts.renamed_token")
			.tag("reason", "tampered-or-corrupted")
			.counter();
		assertThat(counter.count()).isOne();
		assertThat(count(FAILURES)).isEqualTo(before + 1);
		this.mvc.perform(get("/actuator/metrics/" + FAILURES).param("tag", "key.id:" + keyId))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measurements[0].value").value(1.0))
			.andExpect(jsonList("$.availableTags[?(@.tag == 'reason')].values[*]", "tampered-or-corrupted"));
		assertThat(output).doesNotContain("copied-token");
	}

	private double count(String name) {
		return this.meterRegistry.find(name).counters().stream().mapToDouble(Counter::count).sum();
	}

	private static ResultMatcher jsonList(String path, String expected) {
		return (result) -> assertThat(JsonPath.<List<Object>>read(result.getResponse().getContentAsString(), path))
			.as(path)
			.contains(expected);
	}

}
