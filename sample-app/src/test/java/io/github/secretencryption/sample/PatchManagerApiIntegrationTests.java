package io.github.secretencryption.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.github.secretencryption.DecryptionFailedException;
import io.github.secretencryption.PlaceholderValueException;
import io.github.secretencryption.UnknownKeyIdException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.sample.healthcheck.HealthCheck;
import io.github.secretencryption.sample.healthcheck.HealthCheckRepository;
import io.github.secretencryption.sample.settings.OidcSettingsRepository;
import io.github.secretencryption.sample.support.TotpCodes;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every endpoint of the API against a real database: secrets go in as plaintext, are
 * stored as ciphertext, and come out masked. Subclasses choose the database; each test
 * starts with empty tables.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
abstract class PatchManagerApiIntegrationTests {

	private static final String PLACEHOLDER = "MASKED";

	private static final String TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	@TempDir
	static Path temporary;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AesGcmEncryptor encryptor;

	@Autowired
	private OidcSettingsRepository oidcSettings;

	@Autowired
	private HealthCheckRepository healthChecks;

	@DynamicPropertySource
	static void keyDirectory(DynamicPropertyRegistry registry) {
		registry.add("secret-encryption.key-directory", () -> temporary.resolve("keys").toString());
	}

	/**
	 * Return the type that the secret columns have once every migration has run, as
	 * {@code information_schema.columns.data_type} shows it.
	 * @return the column type
	 */
	protected abstract String expectedSecretColumnType();

	@BeforeEach
	void emptyTables() {
		for (String table : List.of("oidc_settings", "smtp_settings", "users", "health_checks")) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
	}

	@Test
	void oidcSettingsAreNotFoundBeforeTheFirstSave() {
		assertThat(this.mvc.get().uri("/api/settings/oidc")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("OIDC settings have not been saved yet");
	}

	@Test
	void oidcClientSecretIsStoredAsCiphertextAndShownMasked() {
		String secret = "oidc-client-secret-0123456789";
		assertThat(putJson("/api/settings/oidc",
				"{'issuer': 'https://login.example.com/realms/ops', 'clientId': 'patch-manager', 'clientSecret': '%s'}",
				secret))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(json("{'issuer': 'https://login.example.com/realms/ops', 'clientId': 'patch-manager', "
					+ "'clientSecret': 'MASKED'}"));
		assertThat(this.mvc.get().uri("/api/settings/oidc")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(json("{'issuer': 'https://login.example.com/realms/ops', 'clientId': 'patch-manager', "
					+ "'clientSecret': 'MASKED'}"));
		String stored = rawValue("oidc_settings", "client_secret");
		assertThat(stored).startsWith("se1:").doesNotContain(secret);
		assertThat(decrypt("secret-encryption", stored, "oidc_settings.client_secret")).isEqualTo(secret);
	}

	@Test
	void oidcUpdateWithThePlaceholderKeepsTheStoredClientSecret() {
		putJson("/api/settings/oidc",
				"{'issuer': 'https://login.example.com', 'clientId': 'patch-manager', 'clientSecret': 'first-secret'}")
			.assertThat()
			.hasStatusOk();
		String before = rawValue("oidc_settings", "client_secret");
		assertThat(putJson("/api/settings/oidc",
				"{'issuer': 'https://sso.example.com', 'clientId': 'patch-manager-2', 'clientSecret': 'MASKED'}"))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(json(
					"{'issuer': 'https://sso.example.com', 'clientId': 'patch-manager-2', 'clientSecret': 'MASKED'}"));
		String after = rawValue("oidc_settings", "client_secret");
		assertThat(after).startsWith("se1:");
		assertThat(decrypt("secret-encryption", after, "oidc_settings.client_secret")).isEqualTo("first-secret");
		assertThat(decrypt("secret-encryption", before, "oidc_settings.client_secret")).isEqualTo("first-secret");
		assertThat(this.oidcSettings.findAll()).singleElement()
			.satisfies((settings) -> assertThat(settings.getClientSecret()).isEqualTo("first-secret"));
	}

	@Test
	void oidcUpdateWithANewClientSecretReplacesIt() {
		putJson("/api/settings/oidc",
				"{'issuer': 'https://login.example.com', 'clientId': 'patch-manager', 'clientSecret': 'first-secret'}")
			.assertThat()
			.hasStatusOk();
		putJson("/api/settings/oidc",
				"{'issuer': 'https://login.example.com', 'clientId': 'patch-manager', 'clientSecret': 'second-secret'}")
			.assertThat()
			.hasStatusOk();
		assertThat(
				decrypt("secret-encryption", rawValue("oidc_settings", "client_secret"), "oidc_settings.client_secret"))
			.isEqualTo("second-secret");
	}

	@Test
	void oidcFirstSaveWithThePlaceholderIsRejectedNamingTheField() {
		assertThat(putJson("/api/settings/oidc",
				"{'issuer': 'https://login.example.com', 'clientId': 'patch-manager', 'clientSecret': 'MASKED'}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("clientSecret");
		assertThat(this.mvc.get().uri("/api/settings/oidc")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void oidcSettingsWithInvalidFieldsAreRejectedNamingEachFieldButNoValue() {
		String longSecret = "s".repeat(1025);
		MvcTestResult result = putJson("/api/settings/oidc",
				"{'issuer': 'ftp://login.example.com', 'clientId': ' ', 'clientSecret': '%s'}", longSecret);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("clientId");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("clientId", "clientSecret", "issuer");
		assertThat(body(result)).doesNotContain(longSecret).doesNotContain("ftp://");
	}

	@Test
	void smtpPasswordIsStoredAsCiphertextAndShownMasked() {
		String password = "smtp-password-0123456789";
		assertThat(putJson("/api/settings/smtp",
				"{'host': 'smtp.example.com', 'port': 587, 'username': 'mailer', 'password': '%s'}", password))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(
					json("{'host': 'smtp.example.com', 'port': 587, 'username': 'mailer', 'password': 'MASKED'}"));
		assertThat(this.mvc.get().uri("/api/settings/smtp")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(
					json("{'host': 'smtp.example.com', 'port': 587, 'username': 'mailer', 'password': 'MASKED'}"));
		String stored = rawValue("smtp_settings", "smtp_password");
		assertThat(stored).startsWith("se1:").doesNotContain(password);
		assertThat(decrypt("secret-encryption", stored, "smtp_settings.smtp_password")).isEqualTo(password);
	}

	@Test
	void smtpUpdateWithThePlaceholderKeepsTheStoredPassword() {
		putJson("/api/settings/smtp",
				"{'host': 'smtp.example.com', 'port': 587, 'username': 'mailer', " + "'password': 'kept-password'}")
			.assertThat()
			.hasStatusOk();
		assertThat(putJson("/api/settings/smtp",
				"{'host': 'mail.example.com', 'port': 465, 'username': 'mailer', 'password': 'MASKED'}"))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(
					json("{'host': 'mail.example.com', 'port': 465, 'username': 'mailer', 'password': 'MASKED'}"));
		assertThat(
				decrypt("secret-encryption", rawValue("smtp_settings", "smtp_password"), "smtp_settings.smtp_password"))
			.isEqualTo("kept-password");
	}

	@Test
	void smtpSettingsWithoutPasswordShowNullAndRejectThePlaceholderLater() {
		assertThat(putJson("/api/settings/smtp", "{'host': 'smtp.example.com', 'port': 25}")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(json("{'host': 'smtp.example.com', 'port': 25, 'username': null, 'password': null}"));
		assertThat(rawValue("smtp_settings", "smtp_password")).isNull();
		assertThat(putJson("/api/settings/smtp",
				"{'host': 'smtp.example.com', 'port': 25, 'username': 'mailer', 'password': 'MASKED'}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("password");
		assertThat(rawValue("smtp_settings", "smtp_password")).isNull();
	}

	@Test
	void aStoredSmtpPasswordIsKeptWhenTheFieldIsLeftOutAndRemovedOnlyByAnEmptyOne() {
		assertThat(putJson("/api/settings/smtp",
				"{'host': 'smtp.example.com', 'port': 587, 'username': 'mailer', 'password': 'kept-password'}"))
			.hasStatusOk();
		String stored = rawValue("smtp_settings", "smtp_password");
		assertThat(putJson("/api/settings/smtp", "{'host': 'smtp.example.com', 'port': 587, 'username': 'mailer'}"))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("password");
		assertThat(rawValue("smtp_settings", "smtp_password")).isEqualTo(stored);
		assertThat(putJson("/api/settings/smtp",
				"{'host': 'smtp.example.com', 'port': 587, 'username': 'mailer', 'password': ''}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.password")
			.isNull();
		assertThat(rawValue("smtp_settings", "smtp_password")).isNull();
	}

	@Test
	void smtpFirstSaveWithThePlaceholderIsRejectedNamingTheField() {
		assertThat(putJson("/api/settings/smtp",
				"{'host': 'smtp.example.com', 'port': 587, 'username': 'mailer', 'password': 'MASKED'}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("password");
		assertThat(this.mvc.get().uri("/api/settings/smtp")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void smtpPortOutOfRangeIsRejectedNamingTheField() {
		assertThat(putJson("/api/settings/smtp", "{'host': 'smtp.example.com', 'port': 70000, 'password': 'x'}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("port");
		assertThat(putJson("/api/settings/smtp", "{'host': 'smtp.example.com', 'port': 0, 'password': 'x'}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("port");
	}

	@Test
	void smtpPortOfTheWrongTypeIsRejectedNamingTheField() {
		assertThat(putJson("/api/settings/smtp", "{'host': 'smtp.example.com', 'port': 'submission'}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("port");
	}

	@Test
	void valuesOfAnotherJsonTypeAreRejectedInsteadOfConverted() {
		for (String body : List.of("{'host': 'smtp.example.com', 'port': 25.5, 'password': 'x'}",
				"{'host': 'smtp.example.com', 'port': '25', 'password': 'x'}")) {
			assertThat(putJson("/api/settings/smtp", body)).hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.extractingPath("$.field")
				.isEqualTo("port");
		}
		for (String password : List.of("123", "4.5", "true")) {
			assertThat(putJson("/api/settings/smtp",
					"{'host': 'smtp.example.com', 'port': 25, 'password': " + password + "}"))
				.hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.extractingPath("$.field")
				.isEqualTo("password");
		}
		assertThat(this.mvc.get().uri("/api/settings/smtp")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aFieldGivenTwiceIsRejectedNamingIt() {
		MvcTestResult result = putJson("/api/settings/smtp",
				"{'host': 'smtp.example.com', 'port': 25, 'password': 'MASKED', 'password': 'second-secret'}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("password");
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Field 'password' is given twice");
		assertThat(body(result)).doesNotContain("second-secret");
		assertThat(this.mvc.get().uri("/api/settings/smtp")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void malformedJsonIsRejectedWithAProblemAndNoStackTrace() {
		MvcTestResult result = this.mvc.put()
			.uri("/api/settings/smtp")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"host\": \"smtp.example.com\", \"password\": \"malformed-secret\"")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Request body is missing or is not valid JSON");
		assertThat(body(result)).doesNotContain("malformed-secret").doesNotContain("Exception").doesNotContain("trace");
	}

	@Test
	void misspeltFieldIsRejectedAndKeepsTheStoredSecret() {
		putJson("/api/settings/smtp",
				"{'host': 'smtp.example.com', 'port': 587, 'username': 'mailer', 'password': 'kept-secret'}")
			.assertThat()
			.hasStatusOk();
		MvcTestResult result = putJson("/api/settings/smtp",
				"{'host': 'smtp.example.com', 'port': 587, 'username': 'mailer', 'Password': 'MASKED'}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("Password");
		assertThat(body(result)).contains("is not known; check its spelling");
		assertThat(this.mvc.get().uri("/api/settings/smtp")).bodyJson()
			.extractingPath("$.password")
			.isEqualTo("MASKED");
	}

	@Test
	void userIsCreatedWithoutTotp() {
		assertThat(postJson("/api/users", "{'username': 'alice'}")).hasStatus(HttpStatus.CREATED)
			.hasHeader("Location", "/api/users/alice")
			.bodyJson()
			.isStrictlyEqualTo(json("{'username': 'alice', 'totpSecret': null}"));
		assertThat(this.mvc.get().uri("/api/users/alice")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(json("{'username': 'alice', 'totpSecret': null}"));
	}

	@Test
	void duplicateUsernameIsAConflict() {
		postJson("/api/users", "{'username': 'alice'}").assertThat().hasStatus(HttpStatus.CREATED);
		assertThat(postJson("/api/users", "{'username': 'alice'}")).hasStatus(HttpStatus.CONFLICT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("username");
	}

	@Test
	void invalidUsernameIsRejectedNamingTheField() {
		assertThat(postJson("/api/users", "{'username': 'Alice Smith'}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("username");
		assertThat(postJson("/api/users", "{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("username");
	}

	@Test
	void unknownUserIsNotFound() {
		assertThat(this.mvc.get().uri("/api/users/nobody")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("User 'nobody' does not exist");
		assertThat(this.mvc.get().uri("/api/users/nobody")).bodyJson().extractingPath("$.field").isEqualTo("username");
		assertThat(putJson("/api/users/nobody/totp", "{'secret': '%s'}", TOTP_SECRET)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(postJson("/api/users/nobody/totp/verify", "{'code': '123456'}")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void totpSecretIsStoredAsCiphertextShownMaskedAndVerifiesCodes() {
		postJson("/api/users", "{'username': 'alice'}").assertThat().hasStatus(HttpStatus.CREATED);
		assertThat(putJson("/api/users/alice/totp", "{'secret': '%s'}", TOTP_SECRET)).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(json("{'username': 'alice', 'totpSecret': 'MASKED'}"));
		assertThat(this.mvc.get().uri("/api/users/alice")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(json("{'username': 'alice', 'totpSecret': 'MASKED'}"));
		String stored = rawValue("users", "totp_secret");
		assertThat(stored).startsWith("se1:").doesNotContain(TOTP_SECRET);
		assertThat(decrypt("secret-encryption", stored, "users.totp_secret")).isEqualTo(TOTP_SECRET);
		assertThat(verify("alice", TotpCodes.at(TOTP_SECRET, Instant.now()))).isTrue();
		assertThat(verify("alice", TotpCodes.wrongAt(TOTP_SECRET, Instant.now()))).isFalse();
	}

	@Test
	void totpSecretIsStoredInUpperCaseWithoutPadding() {
		postJson("/api/users", "{'username': 'alice'}").assertThat().hasStatus(HttpStatus.CREATED);
		putJson("/api/users/alice/totp", "{'secret': 'gezdgnbvgy3tqojq===='}").assertThat().hasStatusOk();
		assertThat(decrypt("secret-encryption", rawValue("users", "totp_secret"), "users.totp_secret"))
			.isEqualTo("GEZDGNBVGY3TQOJQ");
		assertThat(verify("alice", TotpCodes.at("GEZDGNBVGY3TQOJQ", Instant.now()))).isTrue();
	}

	@Test
	void totpUpdateWithThePlaceholderKeepsTheStoredSecret() {
		postJson("/api/users", "{'username': 'alice'}").assertThat().hasStatus(HttpStatus.CREATED);
		putJson("/api/users/alice/totp", "{'secret': '%s'}", TOTP_SECRET).assertThat().hasStatusOk();
		assertThat(putJson("/api/users/alice/totp", "{'secret': 'MASKED'}")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(json("{'username': 'alice', 'totpSecret': 'MASKED'}"));
		assertThat(decrypt("secret-encryption", rawValue("users", "totp_secret"), "users.totp_secret"))
			.isEqualTo(TOTP_SECRET);
		assertThat(verify("alice", TotpCodes.at(TOTP_SECRET, Instant.now()))).isTrue();
	}

	@Test
	void totpPlaceholderWithoutStoredSecretIsRejectedNamingTheField() {
		postJson("/api/users", "{'username': 'alice'}").assertThat().hasStatus(HttpStatus.CREATED);
		assertThat(putJson("/api/users/alice/totp", "{'secret': 'MASKED'}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("secret");
		assertThat(rawValue("users", "totp_secret")).isNull();
	}

	@Test
	void totpSecretThatIsNotBase32IsRejectedWithoutRepeatingIt() {
		postJson("/api/users", "{'username': 'alice'}").assertThat().hasStatus(HttpStatus.CREATED);
		for (String invalid : List.of("GEZDGNBVGY3TQOJ1", "GEZDGNBV", "GEZDGNBV GY3TQOJQ", "GEZDGNBVGY3TQOJQG")) {
			MvcTestResult result = putJson("/api/users/alice/totp", "{'secret': '%s'}", invalid);
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.extractingPath("$.field")
				.isEqualTo("secret");
			assertThat(body(result)).doesNotContain(invalid);
		}
		assertThat(rawValue("users", "totp_secret")).isNull();
	}

	@Test
	void totpCodeThatIsNotSixDigitsIsRejectedNamingTheField() {
		postJson("/api/users", "{'username': 'alice'}").assertThat().hasStatus(HttpStatus.CREATED);
		putJson("/api/users/alice/totp", "{'secret': '%s'}", TOTP_SECRET).assertThat().hasStatusOk();
		for (String invalid : List.of("12345", "1234567", "12a456", "")) {
			assertThat(postJson("/api/users/alice/totp/verify", "{'code': '%s'}", invalid))
				.hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.extractingPath("$.field")
				.isEqualTo("code");
		}
	}

	@Test
	void totpCodeOfUserWithoutTotpIsAConflict() {
		postJson("/api/users", "{'username': 'alice'}").assertThat().hasStatus(HttpStatus.CREATED);
		assertThat(postJson("/api/users/alice/totp/verify", "{'code': '123456'}")).hasStatus(HttpStatus.CONFLICT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void healthCheckPasswordIsStoredUnderTheHealthCheckKeyAndShownMasked() {
		String password = "basic-auth-password-0123456789";
		MvcTestResult created = postJson("/api/health-checks",
				"{'name': 'web-1', 'url': 'https://web-1.example.com/health', 'username': 'probe', 'password': '%s'}",
				password);
		assertThat(created).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.isLenientlyEqualTo(json("{'name': 'web-1', 'url': 'https://web-1.example.com/health', "
					+ "'username': 'probe', 'password': 'MASKED'}"));
		long id = this.jdbc.sql("SELECT id FROM health_checks").query(Long.class).single();
		assertThat(created).hasHeader("Location", "/api/health-checks/" + id);
		assertThat(this.mvc.get().uri("/api/health-checks/{id}", id)).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(json("{'id': " + id + ", 'name': 'web-1', 'url': 'https://web-1.example.com/health', "
					+ "'username': 'probe', 'password': 'MASKED'}"));
		String stored = rawValue("health_checks", "basic_auth_password");
		assertThat(stored).startsWith("se1:").doesNotContain(password);
		assertThat(decrypt("health-check", stored, "health_checks.basic_auth_password")).isEqualTo(password);
		assertThatExceptionOfType(UnknownKeyIdException.class)
			.isThrownBy(() -> decrypt("secret-encryption", stored, "health_checks.basic_auth_password"));
		assertThatExceptionOfType(DecryptionFailedException.class)
			.isThrownBy(() -> decrypt("health-check", stored, "smtp_settings.smtp_password"));
	}

	@Test
	void healthChecksAreListedInCreationOrderWithPasswordsMasked() {
		postJson("/api/health-checks",
				"{'name': 'web-1', 'url': 'https://web-1.example.com/health', "
						+ "'username': 'probe', 'password': 'first-password'}")
			.assertThat()
			.hasStatus(HttpStatus.CREATED);
		postJson("/api/health-checks", "{'name': 'db-1', 'url': 'http://db-1.example.com:8080/health'}").assertThat()
			.hasStatus(HttpStatus.CREATED);
		assertThat(this.mvc.get().uri("/api/health-checks")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(json("[{'name': 'web-1', 'username': 'probe', 'password': 'MASKED'}, "
					+ "{'name': 'db-1', 'username': null, 'password': null}]"));
	}

	@Test
	void healthCheckWithThePlaceholderAsPasswordIsRejectedNamingTheField() {
		assertThat(postJson("/api/health-checks",
				"{'name': 'web-1', 'url': 'https://web-1.example.com/health', "
						+ "'username': 'probe', 'password': 'MASKED'}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("password");
		assertThat(this.healthChecks.count()).isZero();
	}

	@Test
	void healthCheckWithInvalidUrlIsRejectedNamingTheField() {
		for (String url : List.of("web-1.example.com/health", "ftp://web-1.example.com",
				"https://probe:hunter2@web-1.example.com/health")) {
			MvcTestResult result = postJson("/api/health-checks", "{'name': 'web-1', 'url': '%s'}", url);
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("url");
			assertThat(body(result)).doesNotContain("hunter2");
		}
	}

	@Test
	void unknownHealthCheckIsNotFound() {
		assertThat(this.mvc.get().uri("/api/health-checks/424242")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("id");
		assertThat(this.mvc.get().uri("/api/health-checks/web-1")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("id");
	}

	@Test
	void repositoryRefusesToStoreThePlaceholderAsASecret() {
		assertThatExceptionOfType(PlaceholderValueException.class).isThrownBy(() -> this.healthChecks
			.saveAndFlush(new HealthCheck("web-1", "https://web-1.example.com/health", "probe", PLACEHOLDER)));
	}

	@Test
	void secretColumnsHaveTheTypeOfTheSecondMigration() {
		for (String column : List.of("oidc_settings.client_secret", "smtp_settings.smtp_password", "users.totp_secret",
				"health_checks.basic_auth_password")) {
			String[] parts = column.split("\\.");
			String type = this.jdbc
				.sql("SELECT data_type FROM information_schema.columns "
						+ "WHERE lower(table_name) = ? AND lower(column_name) = ? AND lower(table_schema) = lower(?)")
				.params(parts[0], parts[1], currentSchema())
				.query(String.class)
				.single();
			assertThat(type).as(column).isEqualToIgnoringCase(expectedSecretColumnType());
		}
	}

	private String currentSchema() {
		return this.jdbc.sql("SELECT current_schema()").query(String.class).single();
	}

	@Test
	void keyFilesAreCreatedReadableByTheOwnerOnly() throws Exception {
		Path directory = temporary.resolve("keys");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
		for (String name : List.of("secret-encryption", "health-check")) {
			Path key = directory.resolve(name + ".key");
			assertThat(key).isRegularFile().hasSize(32);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		}
	}

	@Test
	void secretsNeverReachTheLog(CapturedOutput output) {
		putJson("/api/settings/oidc",
				"{'issuer': 'https://login.example.com', 'clientId': 'patch-manager', 'clientSecret': 'log-secret-1'}");
		putJson("/api/settings/smtp", "{'host': 'smtp.example.com', 'port': 99999, 'password': 'log-secret-2'}");
		putJson("/api/settings/smtp", "{'host': 'smtp.example.com', 'port': 25, 'password': 'log-secret-3'");
		postJson("/api/users", "{'username': 'alice'}");
		putJson("/api/users/alice/totp", "{'secret': 'LOGSECRET4LOGSECRET4'}");
		putJson("/api/users/alice/totp", "{'secret': 'log-secret-5'}");
		postJson("/api/health-checks",
				"{'name': 'web-1', 'url': 'https://web-1.example.com', 'password': 'log-secret-6'}");
		assertThat(output.getAll()).doesNotContain("log-secret-", "LOGSECRET4");
	}

	private MvcTestResult putJson(String uri, String body, Object... arguments) {
		return this.mvc.put()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body, arguments))
			.exchange();
	}

	private MvcTestResult postJson(String uri, String body, Object... arguments) {
		return this.mvc.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body, arguments))
			.exchange();
	}

	private boolean verify(String username, String code) {
		MvcTestResult result = postJson("/api/users/" + username + "/totp/verify", "{'code': '%s'}", code);
		assertThat(result).hasStatusOk();
		Boolean valid = JsonPath.read(body(result), "$.valid");
		return valid;
	}

	private static String json(String singleQuoted, Object... arguments) {
		return String.format(singleQuoted, arguments).replace('\'', '"');
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private @Nullable String rawValue(String table, String column) {
		List<String> values = this.jdbc.sql("SELECT " + column + " FROM " + table).query(String.class).list();
		assertThat(values).hasSize(1);
		return values.get(0);
	}

	private String decrypt(String keyName, String value, String associatedData) {
		return this.encryptor.decrypt(keyName, value, associatedData.getBytes(StandardCharsets.UTF_8));
	}

}
