package io.github.secretencryption.lengths;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.EncryptedValueTooLongException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Encrypted columns too short for their longest value are reported at startup, and a
 * value whose encrypted form does not fit is refused before it is written. Run on each
 * database by a subclass.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class EncryptedColumnLengthIntegrationTests {

	abstract Map<String, String> freshDatabase(String name);

	@Test
	void warnsAtStartupAboutEachColumnTooShortForItsLongestValue(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("length_warnings")) {
			assertThat(output)
				.contains("Encrypted attribute " + Pin.class.getName() + ".code may hold 64 characters, "
						+ "whose encrypted form needs up to 304 characters, but column pins.code holds 255; widen the "
						+ "column to at least 304 characters (text on PostgreSQL), or writes of long values will fail")
				.contains("Encrypted attribute " + Pin.class.getName() + ".label may hold 20 characters, whose "
						+ "encrypted form needs up to 128 characters, but column pins.label holds 120")
				.doesNotContain(".shortCode may hold")
				.doesNotContain(".free may hold");
		}
	}

	@Test
	void refusesAValueWhoseEncryptedFormDoesNotFitBeforeWritingIt() {
		try (ConfigurableApplicationContext context = start("length_writes")) {
			PinRepository pins = context.getBean(PinRepository.class);
			Pin fits = new Pin();
			fits.setFree("12345678");
			pins.saveAndFlush(fits);
			Pin tooLong = new Pin();
			tooLong.setFree("1234567890");
			assertThatExceptionOfType(EncryptedValueTooLongException.class).isThrownBy(() -> pins.saveAndFlush(tooLong))
				.satisfies((ex) -> assertThat(ex.getMessage())
					.isEqualTo("Encrypted value needs 64 characters but column pins.free holds 60; widen the column "
							+ "or store a shorter value (key secret-encryption, attribute " + Pin.class.getName()
							+ ".free, column pins.free)")
					.doesNotContain("1234567890"));
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.queryForList("select free from pins", String.class)).singleElement()
				.satisfies((stored) -> assertThat(stored).hasSize(60).startsWith(AesGcmEncryptor.PREFIX));
		}
	}

	private ConfigurableApplicationContext start(String name) {
		List<String> args = new ArrayList<>();
		args.add("--secret-encryption.insecure-ephemeral-keys=true");
		args.add("--spring.jpa.hibernate.ddl-auto=create");
		freshDatabase(name).forEach((property, value) -> args.add("--" + property + "=" + value));
		SpringApplication application = new SpringApplication(LengthTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args.toArray(String[]::new));
	}

}
