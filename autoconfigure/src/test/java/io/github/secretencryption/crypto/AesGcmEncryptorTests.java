package io.github.secretencryption.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.secretencryption.DecryptionFailedException;
import io.github.secretencryption.NotEncryptedValueException;
import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.UnknownKeyIdException;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AesGcmEncryptor}.
 */
class AesGcmEncryptorTests {

	private static final String KEY_NAME = "secret-encryption";

	private static final String OTHER_KEY_NAME = "health-check";

	private static final String PLAINTEXT = "correct horse battery staple";

	private static final byte[] USERS_PASSWORD = utf8("users.password");

	private static final SecureRandom random = new SecureRandom();

	private final byte[] keyBytes = randomBytes(EncryptionKey.LENGTH);

	private final byte[] otherKeyBytes = randomBytes(EncryptionKey.LENGTH);

	private final EncryptionKey key = new EncryptionKey(KEY_NAME, this.keyBytes, null);

	private final EncryptionKey otherKey = new EncryptionKey(OTHER_KEY_NAME, this.otherKeyBytes, null);

	private final AesGcmEncryptor encryptor = new AesGcmEncryptor(KeyRing.of(List.of(this.key, this.otherKey)));

	static List<String> plaintexts() {
		return List.of("", "x", "pässwörd-密码-🔑", "ä🔑".repeat(50_000));
	}

	@ParameterizedTest
	@MethodSource("plaintexts")
	void encryptedTextDecryptsToTheSameText(String plaintext) {
		String value = this.encryptor.encrypt(KEY_NAME, plaintext, USERS_PASSWORD);
		assertThat(value).startsWith(AesGcmEncryptor.PREFIX);
		assertThat(this.encryptor.decrypt(KEY_NAME, value, USERS_PASSWORD)).isEqualTo(plaintext);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 15, 16, 17, 1000 })
	void encryptedBytesDecryptToTheSameBytes(int length) {
		byte[] plaintext = randomBytes(length);
		byte[] binary = this.encryptor.encrypt(KEY_NAME, plaintext, USERS_PASSWORD);
		assertThat(binary).hasSize(length + AesGcmEncryptor.OVERHEAD);
		assertThat(this.encryptor.decrypt(KEY_NAME, binary, USERS_PASSWORD)).isEqualTo(plaintext);
	}

	@Test
	void storedTextLengthFollowsTheDocumentedFormula() {
		for (int n = 0; n <= 300; n++) {
			assertThat(this.encryptor.encrypt(KEY_NAME, "a".repeat(n), USERS_PASSWORD))
				.hasSize(4 + 4 * ceilDiv(n + 33, 3));
		}
		String multiByte = "密".repeat(50);
		assertThat(this.encryptor.encrypt(KEY_NAME, multiByte, USERS_PASSWORD)).hasSize(4 + 4 * ceilDiv(150 + 33, 3));
	}

	@Test
	void binaryValueStartsWithTheTinkMarkerAndTheKeyId() {
		byte[] binary = decode(this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD));
		assertThat(binary).hasSize(utf8(PLAINTEXT).length + 33);
		assertThat(binary[0]).isEqualTo((byte) 0x01);
		assertThat(ByteBuffer.wrap(binary, 1, 4).getInt()).isEqualTo(this.key.getId().value());
	}

	@Test
	void encryptingTheSameTextGivesDistinctValuesAndNonces() {
		int count = 10_000;
		Set<String> values = new HashSet<>();
		Set<String> nonces = new HashSet<>();
		for (int i = 0; i < count; i++) {
			String value = this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
			values.add(value);
			nonces.add(HexFormat.of().formatHex(decode(value), 5, 17));
		}
		assertThat(values).hasSize(count);
		assertThat(nonces).hasSize(count);
	}

	@Test
	void everyFlippedBitOfTheBinaryValueIsRejected() {
		byte[] binary = this.encryptor.encrypt(KEY_NAME, utf8(PLAINTEXT), USERS_PASSWORD);
		for (int index = 0; index < binary.length; index++) {
			Class<? extends SecretEncryptionException> expected = (index == 0) ? NotEncryptedValueException.class
					: (index < 5) ? UnknownKeyIdException.class : DecryptionFailedException.class;
			for (int bit = 0; bit < 8; bit++) {
				byte[] tampered = binary.clone();
				tampered[index] ^= (byte) (1 << bit);
				String value = AesGcmEncryptor.PREFIX + Base64.getEncoder().encodeToString(tampered);
				assertThatExceptionOfType(expected).describedAs("byte %d, bit %d", index, bit)
					.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, tampered, USERS_PASSWORD));
				assertHidesSecrets(assertThatExceptionOfType(expected).describedAs("byte %d, bit %d", index, bit)
					.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, value, USERS_PASSWORD))
					.actual(), value);
			}
		}
	}

	@Test
	void tamperedValueIsReportedAsTamperedOrCorruptedWithItsKeyId() {
		byte[] binary = this.encryptor.encrypt(KEY_NAME, utf8(PLAINTEXT), USERS_PASSWORD);
		binary[binary.length - 1] ^= 1;
		assertThatExceptionOfType(DecryptionFailedException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, binary, USERS_PASSWORD))
			.withMessage("Value cannot be decrypted: it is tampered or corrupted, or was copied from another column"
					+ " (key " + KEY_NAME + ", key id " + this.key.getId() + ")")
			.withNoCause();
	}

	@Test
	void everyFlippedBitOfTheAssociatedDataIsRejected() {
		String value = this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		for (int index = 0; index < USERS_PASSWORD.length; index++) {
			for (int bit = 0; bit < 8; bit++) {
				byte[] associatedData = USERS_PASSWORD.clone();
				associatedData[index] ^= (byte) (1 << bit);
				assertHidesSecrets(assertThatExceptionOfType(DecryptionFailedException.class)
					.describedAs("byte %d, bit %d", index, bit)
					.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, value, associatedData))
					.actual(), value);
			}
		}
	}

	@Test
	void valueOfAnotherColumnIsRejected() {
		String value = this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		assertThatExceptionOfType(DecryptionFailedException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, value, utf8("users.api_token")))
			.withMessageContaining("copied from another column");
		assertThatExceptionOfType(DecryptionFailedException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, value, utf8("users.password ")));
		assertThatExceptionOfType(DecryptionFailedException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, value, new byte[0]));
	}

	@Test
	void valueWrittenUnderOneKeyNameNeverDecryptsUnderAnother() {
		String value = this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		assertHidesSecrets(assertThatExceptionOfType(UnknownKeyIdException.class)
			.isThrownBy(() -> this.encryptor.decrypt(OTHER_KEY_NAME, value, USERS_PASSWORD))
			.withMessageContainingAll("key id " + this.key.getId(), "'" + OTHER_KEY_NAME + "'",
					"restore that key from a backup")
			.actual(), value);
		String otherValue = this.encryptor.encrypt(OTHER_KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		assertThatExceptionOfType(UnknownKeyIdException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, otherValue, USERS_PASSWORD))
			.withMessageContaining("key id " + this.otherKey.getId());
	}

	@Test
	void truncatedBinaryValuesAreRejected() {
		byte[] binary = this.encryptor.encrypt(KEY_NAME, utf8(PLAINTEXT), USERS_PASSWORD);
		for (int length = 0; length < binary.length; length++) {
			byte[] truncated = Arrays.copyOf(binary, length);
			Class<? extends SecretEncryptionException> expected = (length < AesGcmEncryptor.OVERHEAD)
					? NotEncryptedValueException.class : DecryptionFailedException.class;
			assertThatExceptionOfType(expected).describedAs("length %d", length)
				.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, truncated, USERS_PASSWORD));
		}
	}

	@Test
	void truncatedTextValuesAreRejected() {
		String value = this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		for (int length = 0; length < value.length(); length++) {
			String truncated = value.substring(0, length);
			SecretEncryptionException ex = assertThatExceptionOfType(SecretEncryptionException.class)
				.describedAs("length %d", length)
				.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, truncated, USERS_PASSWORD))
				.actual();
			assertThat(ex).isInstanceOfAny(NotEncryptedValueException.class, DecryptionFailedException.class);
			assertHidesSecrets(ex, value);
		}
	}

	@Test
	void valueWithAppendedBytesIsRejected() {
		byte[] binary = this.encryptor.encrypt(KEY_NAME, utf8(PLAINTEXT), USERS_PASSWORD);
		byte[] longer = Arrays.copyOf(binary, binary.length + 1);
		assertThatExceptionOfType(DecryptionFailedException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, longer, USERS_PASSWORD));
	}

	@Test
	void everyReplacedCharacterOfTheStoredTextIsRejected() {
		String value = this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		for (int index = 0; index < value.length(); index++) {
			char original = value.charAt(index);
			char replacement = (original == 'A') ? 'B' : 'A';
			String changed = value.substring(0, index) + replacement + value.substring(index + 1);
			assertHidesSecrets(
					assertThatExceptionOfType(SecretEncryptionException.class).describedAs("character %d", index)
						.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, changed, USERS_PASSWORD))
						.actual(),
					value);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "se1:!!!!", "se1:AAAA AAAA", "se1:AAAA\n", "se1:AAAAA", "se1:AA=A", "se1:AAAAA===",
			"se1:-_-_", "se1:AAAA====" })
	void invalidBase64IsRejected(String value) {
		assertThatExceptionOfType(NotEncryptedValueException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, value, USERS_PASSWORD))
			.withMessage("Value is not an encrypted value: it is not valid Base64 (key " + KEY_NAME + ")");
	}

	@Test
	void base64WithoutItsPaddingIsRejected() {
		String value = this.encryptor.encrypt(KEY_NAME, "x", USERS_PASSWORD);
		assertThat(value).endsWith("==");
		String unpadded = value.substring(0, value.length() - 2);
		assertThatExceptionOfType(NotEncryptedValueException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, unpadded, USERS_PASSWORD))
			.withMessageContaining("not valid Base64");
	}

	@Test
	void base64WithNonZeroUnusedBitsIsRejected() {
		String value = this.encryptor.encrypt(KEY_NAME, "x", USERS_PASSWORD);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		int last = value.length() - 3;
		int digit = alphabet.indexOf(value.charAt(last));
		assertThat(digit % 16).isZero();
		String nonCanonical = value.substring(0, last) + alphabet.charAt(digit + 1) + "==";
		assertThat(Base64.getDecoder().decode(nonCanonical.substring(4))).isEqualTo(decode(value));
		assertThatExceptionOfType(NotEncryptedValueException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, nonCanonical, USERS_PASSWORD))
			.withMessageContaining("not valid Base64");
	}

	@ParameterizedTest
	@ValueSource(strings = { "hunter2", "", "SE1:AWlnc5E=", "se1", "se:AWlnc5E=", "s e1:AWlnc5E=", " se1:AWlnc5E=",
			"se\u0662:AWlnc5E=" })
	void legacyPlaintextIsRejectedWithoutBeingQuoted(String legacy) {
		assertThat(AesGcmEncryptor.isEncrypted(legacy)).isFalse();
		NotEncryptedValueException ex = assertThatExceptionOfType(NotEncryptedValueException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, legacy, USERS_PASSWORD))
			.withMessage("Value is not an encrypted value: it lacks the 'se1:' prefix (legacy plaintext?) (key "
					+ KEY_NAME + ")")
			.actual();
		assertHidesSecrets(ex, legacy);
	}

	@Test
	void unknownFormatVersionIsNamed() {
		String value = this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		String version2 = "se2:" + value.substring(4);
		assertHidesSecrets(assertThatExceptionOfType(NotEncryptedValueException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, version2, USERS_PASSWORD))
			.withMessage("Value is in format version 2, which this version of secret-encryption cannot read; "
					+ "upgrade the application (key " + KEY_NAME + ")")
			.actual(), value);
		assertThatExceptionOfType(NotEncryptedValueException.class)
			.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, "se10:AAAA", USERS_PASSWORD))
			.withMessageContaining("format version 10,");
		assertThatExceptionOfType(NotEncryptedValueException.class).isThrownBy(() -> AesGcmEncryptor.keyIdOf(version2))
			.withMessageContaining("format version 2,");
	}

	@Test
	void isEncryptedLooksAtThePrefixOnly() {
		assertThat(AesGcmEncryptor.isEncrypted(this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD))).isTrue();
		assertThat(AesGcmEncryptor.isEncrypted("se1:not a value")).isTrue();
		assertThat(AesGcmEncryptor.isEncrypted("se2:AAAA")).isFalse();
		assertThat(AesGcmEncryptor.isEncrypted(PLAINTEXT)).isFalse();
	}

	@Test
	void keyIdOfReadsTheKeyIdWithoutAnyKey() {
		String value = this.encryptor.encrypt(OTHER_KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		assertThat(AesGcmEncryptor.keyIdOf(value)).isEqualTo(this.otherKey.getId());
		assertThatExceptionOfType(NotEncryptedValueException.class).isThrownBy(() -> AesGcmEncryptor.keyIdOf(PLAINTEXT))
			.withMessageNotContaining(PLAINTEXT);
		assertThatExceptionOfType(NotEncryptedValueException.class)
			.isThrownBy(() -> AesGcmEncryptor.keyIdOf("se1:AWlnc5E="))
			.withMessage("Value is not an encrypted value: its binary form is malformed");
	}

	@Test
	void unknownKeyNameIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.encryptor.encrypt("billing", PLAINTEXT, USERS_PASSWORD))
			.withMessage("No key is named 'billing'; configured key names are [secret-encryption, health-check]");
		String value = this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		assertThatIllegalArgumentException().isThrownBy(() -> this.encryptor.decrypt("billing", value, USERS_PASSWORD))
			.withMessageNotContaining(PLAINTEXT);
	}

	@Test
	void encryptorUsesTheCurrentKeyRing() {
		EncryptionKey replacement = new EncryptionKey(KEY_NAME, randomBytes(EncryptionKey.LENGTH), null);
		AtomicReference<KeyRing> keyRing = new AtomicReference<>(KeyRing.of(List.of(this.key)));
		AesGcmEncryptor changing = new AesGcmEncryptor(keyRing::get, new SecureRandom());
		String before = changing.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		keyRing.set(KeyRing.of(List.of(replacement)));
		String after = changing.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		assertThat(AesGcmEncryptor.keyIdOf(after)).isEqualTo(replacement.getId());
		assertThat(changing.getKeyRing()).isSameAs(keyRing.get());
		assertThatExceptionOfType(UnknownKeyIdException.class)
			.isThrownBy(() -> changing.decrypt(KEY_NAME, before, USERS_PASSWORD));
	}

	@Test
	void encryptorIsSafeToShareBetweenThreads() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				String prefix = "thread " + thread + " ";
				futures.add(executor.submit(() -> {
					for (int i = 0; i < 500; i++) {
						String plaintext = prefix + i;
						String value = this.encryptor.encrypt(KEY_NAME, plaintext, USERS_PASSWORD);
						assertThat(this.encryptor.decrypt(KEY_NAME, value, USERS_PASSWORD)).isEqualTo(plaintext);
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get(1, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void noncesStayUniqueAcrossThreadsAndRefillsOfTheirNonceBuffers() throws Exception {
		int threads = 8;
		int valuesPerThread = 2_000;
		Set<String> nonces = ConcurrentHashMap.newKeySet();
		Map<String, String> plaintexts = new ConcurrentHashMap<>();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				int number = thread;
				futures.add(executor.submit(() -> {
					for (int i = 0; i < valuesPerThread; i++) {
						String plaintext = "thread " + number + " value " + i + " " + "x".repeat(i % 300);
						String value = this.encryptor.encrypt(KEY_NAME, plaintext, USERS_PASSWORD);
						assertThat(nonces.add(HexFormat.of().formatHex(decode(value), 5, 17))).isTrue();
						plaintexts.put(value, plaintext);
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(nonces).hasSize(threads * valuesPerThread);
		plaintexts.forEach((value, plaintext) -> assertThat(this.encryptor.decrypt(KEY_NAME, value, USERS_PASSWORD))
			.isEqualTo(plaintext));
	}

	@Test
	void valuesOfGrowingAndShrinkingLengthsAreCanonicalAndDecryptOnAnotherThread() throws Exception {
		List<String> plaintexts = new ArrayList<>();
		for (int length : new int[] { 0, 300, 1, 9_000, 2, 20_000, 17, 8_160, 8_159, 255, 40_000, 3 }) {
			plaintexts.add("é".repeat(length / 2) + "a".repeat(length % 2));
		}
		List<String> values = new ArrayList<>();
		for (String plaintext : plaintexts) {
			String value = this.encryptor.encrypt(KEY_NAME, plaintext, USERS_PASSWORD);
			assertThat(AesGcmEncryptor.PREFIX + Base64.getEncoder().encodeToString(decode(value))).isEqualTo(value);
			assertThat(this.encryptor.decrypt(KEY_NAME, value, USERS_PASSWORD)).isEqualTo(plaintext);
			assertThat(this.encryptor.decrypt(KEY_NAME, decode(value), USERS_PASSWORD)).isEqualTo(utf8(plaintext));
			values.add(value);
		}
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			for (int i = values.size() - 1; i >= 0; i--) {
				String value = values.get(i);
				assertThat(executor.submit(() -> this.encryptor.decrypt(KEY_NAME, value, USERS_PASSWORD))
					.get(1, TimeUnit.MINUTES)).isEqualTo(plaintexts.get(i));
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void failedDecryptionLeavesTheThreadsCipherUsable() {
		String value = this.encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(DecryptionFailedException.class)
				.isThrownBy(() -> this.encryptor.decrypt(KEY_NAME, value, utf8("users.api_token")));
			assertThat(this.encryptor.decrypt(KEY_NAME, value, USERS_PASSWORD)).isEqualTo(PLAINTEXT);
			assertThat(this.encryptor.decrypt(KEY_NAME, this.encryptor.encrypt(KEY_NAME, "x", USERS_PASSWORD),
					USERS_PASSWORD))
				.isEqualTo("x");
		}
	}

	@Test
	void givenRandomIsAskedForTwelveBytesPerValue() {
		List<Integer> requests = new ArrayList<>();
		SecureRandom counting = new SecureRandom() {

			@Override
			public void nextBytes(byte[] bytes) {
				requests.add(bytes.length);
				random.nextBytes(bytes);
			}

		};
		AesGcmEncryptor encryptor = new AesGcmEncryptor(() -> KeyRing.of(List.of(this.key)), counting);
		encryptor.encrypt(KEY_NAME, PLAINTEXT, USERS_PASSWORD);
		encryptor.encrypt(KEY_NAME, utf8(PLAINTEXT), USERS_PASSWORD);
		assertThat(requests).containsExactly(12, 12);
	}

	@Test
	void toStringShowsKeyNamesAndIdsButNoKeyBytes() {
		assertThat(this.encryptor.toString()).contains(KEY_NAME, OTHER_KEY_NAME, this.key.getId().toString(),
				this.otherKey.getId().toString());
		assertThat(this.encryptor.getKeyRing().toString()).contains(KEY_NAME, this.key.getId().toString());
		for (Object holder : List.of(this.encryptor, this.encryptor.getKeyRing(), this.key, this.otherKey)) {
			assertThat(holder.toString()).doesNotContain(SecretRepresentations.of(this.keyBytes))
				.doesNotContain(SecretRepresentations.of(this.otherKeyBytes));
		}
	}

	private void assertHidesSecrets(Throwable ex, String value) {
		List<String> secrets = new ArrayList<>();
		secrets.addAll(SecretRepresentations.of(this.keyBytes));
		secrets.addAll(SecretRepresentations.of(this.otherKeyBytes));
		secrets.add(PLAINTEXT);
		if (value.length() > 8) {
			secrets.add(value);
			secrets.add(value.substring(Math.min(4, value.length())));
		}
		assertThat(ex.getMessage()).doesNotContain(secrets.toArray(String[]::new));
		assertThat(ex.toString()).doesNotContain(secrets.toArray(String[]::new));
		assertThat(ex.getCause()).isNull();
	}

	private static byte[] decode(String value) {
		return Base64.getDecoder().decode(value.substring(AesGcmEncryptor.PREFIX.length()));
	}

	private static int ceilDiv(int dividend, int divisor) {
		return (dividend + divisor - 1) / divisor;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

}
