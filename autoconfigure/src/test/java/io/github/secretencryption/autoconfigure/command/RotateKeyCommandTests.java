package io.github.secretencryption.autoconfigure.command;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RotateKeyCommand}, run in this JVM for each refusal and in a new one
 * as an operator runs it.
 */
class RotateKeyCommandTests {

	private static final String NAME = "secret-encryption";

	@TempDir
	Path temp;

	@Test
	void addCreatesAKeyForReadingOnlyAndSaysWhatToDoNext() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		EncryptionKey primary = store.loadOrCreate(NAME);
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"rotate-key", NAME, "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).as(result.err()).isZero();
		List<KeyId> ids = store.listKeyIds(NAME);
		assertThat(ids).hasSize(1);
		KeyId added = ids.get(0);
		assertThat(result.outLines()).hasSize(2);
		assertThat(result.outLines().get(0))
			.isEqualTo("[OK] Added key " + added + " of '" + NAME + "' in " + store.fileOf(NAME, added)
					+ " for reading only; primary key " + primary.getId() + " still encrypts new values");
		assertThat(result.outLines().get(1)).startsWith("Next: wait 60 s (until ")
			.endsWith(") so that every running process loads it, then run: rotate-key " + NAME + " --promote");
		assertThat(store.load(NAME).getId()).isEqualTo(primary.getId());
		byte[] bytes = Files.readAllBytes(store.fileOf(NAME, added));
		assertThat(result.out() + result.err()).doesNotContain(HexFormat.of().formatHex(bytes))
			.doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(bytes));
	}

	@Test
	void promoteIsRefusedUntilTheAddedKeyIsOlderThanTwiceTheReloadInterval() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		EncryptionKey primary = store.loadOrCreate(NAME);
		assertThat(run(keys, NAME)).startsWith("0\n[OK] Added key");
		KeyId added = store.listKeyIds(NAME).get(0);
		String early = run(keys, NAME, "--promote");
		assertThat(early).startsWith("1\n[FAIL] Key " + added + " of '" + NAME + "' was added ")
			.contains("running processes read the key directory every 30 s, so wait ")
			.contains("Only if every process that uses " + keys + " is stopped, promote at once with "
					+ "--insecure-skip-wait");
		assertThat(store.load(NAME).getId()).isEqualTo(primary.getId());
		age(store.fileOf(NAME), Duration.ofDays(1));
		age(store.fileOf(NAME, added), Duration.ofSeconds(61));
		String promoted = run(keys, NAME, "--promote");
		assertThat(promoted)
			.startsWith("0\n[OK] Key " + added + " is now the primary key of '" + NAME + "' in " + store.fileOf(NAME)
					+ "; former primary key " + primary.getId() + " is kept for reading in "
					+ store.fileOf(NAME, primary.getId()))
			.contains("then run: reencrypt " + NAME + ", key-status, and once no value uses key " + primary.getId()
					+ ": retire-key " + NAME + " " + primary.getId());
		assertThat(store.load(NAME).getId()).isEqualTo(added);
		assertThat(run(keys, NAME, "--promote"))
			.startsWith("1\n[FAIL] No added key of '" + NAME + "' waits for promotion; primary key is " + added);
	}

	@Test
	void shorterReloadIntervalShortensTheWait() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		store.loadOrCreate(NAME);
		run(keys, NAME, "--add");
		age(store.fileOf(NAME), Duration.ofDays(1));
		age(store.fileOf(NAME, store.listKeyIds(NAME).get(0)), Duration.ofSeconds(3));
		assertThat(run(keys, NAME, "--promote", "--secret-encryption.key-reload-interval=1s")).startsWith("0\n[OK]");
	}

	@Test
	void stoppedFleetPromotesAtOnceWithTheExplicitOverride() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		store.loadOrCreate(NAME);
		run(keys, NAME);
		KeyId added = store.listKeyIds(NAME).get(0);
		assertThat(run(keys, NAME, "--promote", "--insecure-skip-wait")).startsWith("0\n[OK] Key " + added);
		assertThat(store.load(NAME).getId()).isEqualTo(added);
	}

	@Test
	void promoteWithReloadingOffAsksForARestartAndTheOverride() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		store.loadOrCreate(NAME);
		assertThat(run(keys, NAME, "--secret-encryption.key-reload-interval=0"))
			.contains("Next: key reloading is off (secret-encryption.key-reload-interval=0), so restart every process");
		assertThat(run(keys, NAME, "--promote", "--secret-encryption.key-reload-interval=0"))
			.startsWith("1\n[FAIL] Key reloading is off")
			.contains("then promote with --insecure-skip-wait");
	}

	@Test
	void secondAddIsRefusedWhileAnAddedKeyWaits() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		store.loadOrCreate(NAME);
		run(keys, NAME);
		KeyId added = store.listKeyIds(NAME).get(0);
		assertThat(run(keys, NAME))
			.startsWith("1\n[FAIL] Key " + added + " of '" + NAME + "' was added already and waits for promotion");
		assertThat(store.listKeyIds(NAME)).containsExactly(added);
	}

	@Test
	void keyIdOptionChoosesTheKeyToPromote() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		store.loadOrCreate(NAME);
		EncryptionKey first = store.addKey(NAME);
		EncryptionKey second = store.addKey(NAME);
		assertThat(run(keys, NAME, "--promote", "--insecure-skip-wait")).startsWith("1\n[FAIL] Keys ")
			.contains("choose one with --key-id=<id>");
		assertThat(run(keys, NAME, "--promote", "--insecure-skip-wait", "--key-id=" + second.getId()))
			.startsWith("0\n[OK] Key " + second.getId());
		assertThat(store.load(NAME).getId()).isEqualTo(second.getId());
		assertThat(store.listKeyIds(NAME)).contains(first.getId());
	}

	@Test
	void unknownNameMountedKeysAndMissingArgumentsAreRefused() throws Exception {
		Path keys = this.temp.resolve("keys");
		new KeyFileStore(keys).loadOrCreate(NAME);
		assertThat(run(keys, "reports")).startsWith("1\n[FAIL] No key is named 'reports'; configured key names are");
		assertThat(run(keys, NAME, "--secret-encryption.key-source=mounted"))
			.startsWith("1\n[FAIL] Keys are mounted (secret-encryption.key-source=mounted), so the platform owns");
		assertThat(run(keys)).startsWith("2\n[FAIL] Usage: rotate-key <name>");
		assertThat(run(keys, NAME, "--add", "--promote")).startsWith("2\n[FAIL] Give either --add or --promote");
		assertThat(run(keys, NAME, "--key-id=0a0b0c0d"))
			.startsWith("2\n[FAIL] --key-id and --insecure-skip-wait go with --promote only; usage: rotate-key");
		assertThat(run(keys, NAME, "--insecure-skip-wait"))
			.startsWith("2\n[FAIL] --key-id and --insecure-skip-wait go with --promote only; usage: rotate-key");
		assertThat(keys.resolve(NAME + ".key")).exists();
		assertThat(Files.list(keys).filter((file) -> file.getFileName().toString().startsWith(NAME + "."))).hasSize(1);
	}

	private static void age(Path file, Duration age) throws Exception {
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
	}

	/**
	 * Run the command in this JVM.
	 * @return the exit code, a line break and the output
	 */
	private static String run(Path keys, String... args) throws Exception {
		List<String> arguments = new ArrayList<>();
		List<String> options = new ArrayList<>();
		Map<String, Object> properties = new HashMap<>();
		properties.put("secret-encryption.key-directory", keys.toString());
		for (String arg : args) {
			if (arg.startsWith("--secret-encryption.")) {
				String[] pair = arg.substring(2).split("=", 2);
				properties.put(pair[0], pair[1]);
			}
			else if (arg.startsWith("--")) {
				options.add(arg);
			}
			else {
				arguments.add(arg);
			}
		}
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		int code = new RotateKeyCommand()
			.run(new CommandContext(arguments, options, environment, out, new ByteArrayInputStream(new byte[0]), null));
		return code + "\n" + bytes.toString(StandardCharsets.UTF_8);
	}

}
