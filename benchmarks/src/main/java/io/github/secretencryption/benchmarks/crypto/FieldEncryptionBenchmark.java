package io.github.secretencryption.benchmarks.crypto;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encrypt, decrypt and round trip of one text value of 32 or 256 ASCII characters (as
 * many UTF-8 bytes), String to String, by each {@link FieldEncryptor}.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class FieldEncryptionBenchmark {

	@Param({ "secret-encryption", "jca-baseline", "tink", "spring-security", "jasypt" })
	public String encryptor;

	@Param({ "32", "256" })
	public int bytes;

	private FieldEncryptor fieldEncryptor;

	private String plaintext;

	private String stored;

	@Setup
	public void setUp() {
		this.fieldEncryptor = FieldEncryptor.create(this.encryptor);
		this.plaintext = Fixtures.randomAscii(this.bytes);
		this.stored = this.fieldEncryptor.encrypt(this.plaintext);
		if (!this.fieldEncryptor.decrypt(this.stored).equals(this.plaintext)) {
			throw new IllegalStateException(this.encryptor + " does not decrypt what it encrypts");
		}
	}

	@Benchmark
	public String encrypt() {
		return this.fieldEncryptor.encrypt(this.plaintext);
	}

	@Benchmark
	public String decrypt() {
		return this.fieldEncryptor.decrypt(this.stored);
	}

	@Benchmark
	public String roundTrip() {
		return this.fieldEncryptor.decrypt(this.fieldEncryptor.encrypt(this.plaintext));
	}

}
