package io.github.secretencryption.crypto;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.LogFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileException;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests that no key bytes and no plaintext reach the log output or the text of an
 * exception, while keys are created and loaded, values are encrypted and decrypted, and
 * every error path of {@link KeyFileStore} and {@link AesGcmEncryptor} that a test can
 * reach is taken.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretInLogsTests {

	private static final String LOGGER = "io.github.secretencryption";

	private static final String KEY_NAME = "secret-encryption";

	private static final String OTHER_KEY_NAME = "health-check";

	private static final List<String> PLAINTEXTS = List.of("correct horse battery staple", "pässwörd-密码-🔑",
			"0123456789abcdef".repeat(16));

	private static final String LEGACY_PLAINTEXT = "legacy plaintext password 4711";

	private static final byte[] ASSOCIATED_DATA = "users.password".getBytes(StandardCharsets.UTF_8);

	private final SecureRandom random = new SecureRandom();

	private final List<String> secrets = new ArrayList<>();

	private final List<Throwable> failures = new ArrayList<>();

	@TempDir
	Path temp;

	@BeforeEach
	void logEverythingOfOurs() {
		loggingSystem().setLogLevel(LOGGER, LogLevel.TRACE);
	}

	@AfterEach
	void restoreLogLevel() {
		loggingSystem().setLogLevel(LOGGER, null);
	}

	@Test
	void noKeyBytesOrPlaintextAppearInLogsOrExceptions(CapturedOutput output) throws Exception {
		Path directory = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(directory);
		EncryptionKey key = store.loadOrCreate(KEY_NAME);
		EncryptionKey other = store.loadOrCreate(OTHER_KEY_NAME);
		store.loadOrCreate(KEY_NAME);
		new KeyFileStore(directory).load(OTHER_KEY_NAME);
		this.secrets.addAll(SecretRepresentations.of(Files.readAllBytes(key.getFile())));
		this.secrets.addAll(SecretRepresentations.of(Files.readAllBytes(other.getFile())));
		this.secrets.addAll(PLAINTEXTS);
		this.secrets.add(LEGACY_PLAINTEXT);
		AesGcmEncryptor encryptor = new AesGcmEncryptor(KeyRing.of(List.of(key, other)));
		List<String> values = new ArrayList<>();
		for (String plaintext : PLAINTEXTS) {
			String value = encryptor.encrypt(KEY_NAME, plaintext, ASSOCIATED_DATA);
			assertThat(encryptor.decrypt(KEY_NAME, value, ASSOCIATED_DATA)).isEqualTo(plaintext);
			values.add(value);
			this.secrets.add(value.substring(AesGcmEncryptor.PREFIX.length()));
		}
		takeEncryptorErrorPaths(encryptor, key, values.get(0));
		takeKeyFileStoreErrorPaths();
		createConcurrently();

		assertThat(output.getAll()).contains("Created key directory " + directory)
			.contains("Created key '" + KEY_NAME + "' in " + key.getFile());
		assertThat(LogFactory.getLog(KeyFileStore.class).isDebugEnabled()).isTrue();
		assertThat(output.getAll()).doesNotContain(this.secrets);
		assertThat(this.failures).hasSizeGreaterThanOrEqualTo(20);
		for (Throwable failure : this.failures) {
			assertThat(describe(failure)).describedAs(failure.getClass().getName()).doesNotContain(this.secrets);
		}
	}

	private void takeEncryptorErrorPaths(AesGcmEncryptor encryptor, EncryptionKey key, String value) {
		byte[] binary = Base64.getDecoder().decode(value.substring(AesGcmEncryptor.PREFIX.length()));
		for (int index : new int[] { 0, 1, 5, 17, binary.length - 1 }) {
			byte[] tampered = binary.clone();
			tampered[index] ^= 1;
			fail(() -> encryptor.decrypt(KEY_NAME, tampered, ASSOCIATED_DATA));
			fail(() -> encryptor.decrypt(KEY_NAME,
					AesGcmEncryptor.PREFIX + Base64.getEncoder().encodeToString(tampered), ASSOCIATED_DATA));
		}
		fail(() -> encryptor.decrypt(KEY_NAME, value, "users.api_token".getBytes(StandardCharsets.UTF_8)));
		fail(() -> encryptor.decrypt(OTHER_KEY_NAME, value, ASSOCIATED_DATA));
		fail(() -> encryptor.decrypt("billing", value, ASSOCIATED_DATA));
		fail(() -> encryptor.encrypt("billing", LEGACY_PLAINTEXT, ASSOCIATED_DATA));
		fail(() -> encryptor.decrypt(KEY_NAME, LEGACY_PLAINTEXT, ASSOCIATED_DATA));
		fail(() -> encryptor.decrypt(KEY_NAME, "se2:" + value.substring(4), ASSOCIATED_DATA));
		fail(() -> encryptor.decrypt(KEY_NAME, value.substring(0, value.length() - 1), ASSOCIATED_DATA));
		fail(() -> encryptor.decrypt(KEY_NAME, value.substring(0, 20), ASSOCIATED_DATA));
		fail(() -> encryptor.decrypt(KEY_NAME, value + "!", ASSOCIATED_DATA));
		fail(() -> AesGcmEncryptor.keyIdOf(LEGACY_PLAINTEXT));
		fail(() -> AesGcmEncryptor.keyIdOf("se1:AAAA"));
		byte[] nonce = new byte[12];
		AesGcmEncryptor stuck = new AesGcmEncryptor(() -> KeyRing.of(List.of(key)), new FixedNonceSecureRandom(nonce));
		Throwable reuse = catchThrowable(() -> {
			stuck.encrypt(KEY_NAME, PLAINTEXTS.get(0), ASSOCIATED_DATA);
			stuck.encrypt(KEY_NAME, PLAINTEXTS.get(1), ASSOCIATED_DATA);
		});
		if (reuse != null) {
			this.failures.add(reuse);
		}
	}

	private void takeKeyFileStoreErrorPaths() throws IOException {
		Path blocker = Files.write(this.temp.resolve("blocker"), new byte[0]);
		fail(() -> new KeyFileStore(blocker.resolve("keys")).loadOrCreate(KEY_NAME));
		fail(() -> new KeyFileStore(this.temp.resolve("missing")).load(KEY_NAME));
		fail(() -> new KeyFileStore(blocker).loadOrCreate(KEY_NAME));
		fail(() -> new KeyFileStore(this.temp).loadOrCreate("../" + KEY_NAME));

		Path openDirectory = Files.createDirectory(this.temp.resolve("open"));
		writeKeyFile(openDirectory, 32, "rw-------");
		Files.setPosixFilePermissions(openDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
		fail(() -> new KeyFileStore(openDirectory).load(KEY_NAME));

		Path directory = Files.createDirectory(this.temp.resolve("bad"));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		KeyFileStore store = new KeyFileStore(directory);
		fail(() -> store.load(KEY_NAME));
		for (int length : new int[] { 0, 31, 33, 64, 5000 }) {
			writeKeyFile(directory, length, "rw-------");
			fail(() -> store.load(KEY_NAME));
			fail(() -> store.loadOrCreate(KEY_NAME));
		}
		for (String mode : new String[] { "rw-r--r--", "rw-rw----", "rw-r-----" }) {
			writeKeyFile(directory, 32, mode);
			fail(() -> store.load(KEY_NAME));
		}
		Path file = store.fileOf(KEY_NAME);
		Files.delete(file);
		Path target = writeKeyFile(Files.createDirectory(this.temp.resolve("target")), 32, "rw-------");
		Files.createSymbolicLink(file, target);
		fail(() -> store.load(KEY_NAME));
		Files.delete(file);
		Files.createDirectory(file);
		fail(() -> store.loadOrCreate(KEY_NAME));
	}

	private void createConcurrently() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 20; round++) {
				Path directory = this.temp.resolve("concurrent-" + round);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<EncryptionKey>> futures = new ArrayList<>();
				for (int thread = 0; thread < 4; thread++) {
					futures.add(executor.submit(() -> {
						start.await();
						return new KeyFileStore(directory).loadOrCreate(KEY_NAME);
					}));
				}
				start.countDown();
				for (Future<EncryptionKey> future : futures) {
					EncryptionKey key = future.get(1, TimeUnit.MINUTES);
					this.secrets.addAll(SecretRepresentations.of(Files.readAllBytes(key.getFile())));
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private Path writeKeyFile(Path directory, int length, String mode) throws IOException {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		if (length > 0) {
			this.secrets.addAll(SecretRepresentations.of(bytes));
		}
		Path file = directory.resolve(KEY_NAME + ".key");
		Files.write(file, bytes);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
		return file;
	}

	private void fail(ThrowingCallable callable) {
		Throwable failure = catchThrowable(callable);
		assertThat(failure).isNotNull();
		this.failures.add(failure);
	}

	private static LoggingSystem loggingSystem() {
		return LoggingSystem.get(NoSecretInLogsTests.class.getClassLoader());
	}

	private static String describe(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		if (failure instanceof KeyFileException keyFileException) {
			text.append(keyFileException.getAction());
		}
		return text.toString();
	}

}
