package io.github.secretencryption.migration;

import java.security.SecureRandom;
import java.util.List;

import javax.sql.DataSource;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Counts values by key id in a database of its own. Run on each database by a subclass.
 */
abstract class KeyUsageTests {

	private static final SecureRandom random = new SecureRandom();

	private final EncryptionKey oldKey = key("secret-encryption");

	private final EncryptionKey newKey = key("secret-encryption");

	private final EncryptionKey probeKey = key("health-check");

	private final EncryptedColumn tokens = new EncryptedColumn("Account", "apiToken", "accounts", "api_token",
			"secret-encryption", "accounts.api_token", "id");

	private final EncryptedColumn notes = new EncryptedColumn("Account", "note", "accounts", "note",
			"secret-encryption", "accounts.note", "id");

	private final EncryptedColumn probes = new EncryptedColumn("Probe", "password", "probes", "password",
			"health-check", "probes.password", "id");

	private final EncryptedColumn links = new EncryptedColumn("Link", "secret", "links", "secret", "secret-encryption",
			"links.secret", null);

	private DataSource dataSource;

	private JdbcTemplate jdbc;

	abstract DataSource freshDatabase();

	@BeforeEach
	void createTables() {
		this.dataSource = freshDatabase();
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.execute("create table accounts (id bigint primary key, api_token varchar(2000), note text)");
		this.jdbc.execute("create table probes (id bigint primary key, password varchar(2000))");
		this.jdbc.execute("create table links (a bigint, b bigint, secret varchar(2000), primary key (a, b))");
	}

	@Test
	void countsValuesPerKeyIdAndColumnWithoutTheKeys() throws Exception {
		for (int id = 1; id <= 7; id++) {
			EncryptionKey key = (id <= 3) ? this.oldKey : this.newKey;
			this.jdbc.update("insert into accounts (id, api_token, note) values (?, ?, ?)", id,
					encrypt(key, "token-" + id, this.tokens), (id == 7) ? encrypt(this.oldKey, "n", this.notes) : null);
		}
		this.jdbc.update("insert into probes (id, password) values (1, ?)", encrypt(this.probeKey, "p", this.probes));
		KeyUsage usage = KeyUsage.scan(this.dataSource, List.of(this.tokens, this.notes, this.probes), 2);
		assertThat(usage.valuesUnder("secret-encryption", this.oldKey.getId())).isEqualTo(4);
		assertThat(usage.valuesUnder("secret-encryption", this.newKey.getId())).isEqualTo(4);
		assertThat(usage.valuesUnder("health-check", this.probeKey.getId())).isEqualTo(1);
		assertThat(usage.valuesUnder("health-check", this.oldKey.getId())).isZero();
		assertThat(usage.valuesByColumn("secret-encryption", this.oldKey.getId()))
			.containsExactly(entry("accounts.api_token", 3L), entry("accounts.note", 1L));
		assertThat(usage.getKeyIds("secret-encryption")).containsExactly(this.oldKey.getId(), this.newKey.getId());
		assertThat(usage.getColumns("health-check")).singleElement()
			.satisfies((column) -> assertThat(column.name()).isEqualTo("probes.password"));
	}

	@Test
	void countsKeyIdsThatNoLoadedKeyHas() throws Exception {
		EncryptionKey lost = key("secret-encryption");
		this.jdbc.update("insert into accounts (id, api_token) values (1, ?)", encrypt(lost, "x", this.tokens));
		KeyUsage usage = KeyUsage.scan(this.dataSource, List.of(this.tokens), 10);
		assertThat(usage.valuesUnder("secret-encryption", lost.getId())).isEqualTo(1);
	}

	@Test
	void countsPlaintextAndUnparseableValuesPerColumn() throws Exception {
		String valid = encrypt(this.newKey, "fine", this.tokens);
		String[] values = { "legacy plaintext", "", "se1:not base64!", "se1:AAAA", "se2:AWlnc5EQERITFBUWFxgZGhu", valid,
				"sea: plaintext too" };
		for (int id = 0; id < values.length; id++) {
			this.jdbc.update("insert into accounts (id, api_token) values (?, ?)", id, values[id]);
		}
		this.jdbc.update("insert into accounts (id, api_token) values (99, null)");
		KeyUsage.ColumnUsage column = KeyUsage.scan(this.dataSource, List.of(this.tokens), 3).getColumns().get(0);
		assertThat(column.plaintext()).isEqualTo(3);
		assertThat(column.unreadable()).isEqualTo(3);
		assertThat(column.valuesByKeyId()).containsExactly(entry(this.newKey.getId(), 1L));
	}

	@Test
	void readsEveryValueOfAColumnWithACompositePrimaryKey() throws Exception {
		for (int i = 1; i <= 5; i++) {
			this.jdbc.update("insert into links (a, b, secret) values (?, ?, ?)", i % 2, i,
					encrypt(this.oldKey, "s" + i, this.links));
		}
		KeyUsage usage = KeyUsage.scan(this.dataSource, List.of(this.links), 2);
		assertThat(usage.valuesUnder("secret-encryption", this.oldKey.getId())).isEqualTo(5);
	}

	@Test
	void readsEveryRowAcrossBatchBoundaries() throws Exception {
		List<Object[]> rows = new java.util.ArrayList<>();
		for (int id = 1; id <= 101; id++) {
			rows.add(new Object[] { id, encrypt(this.newKey, "v", this.tokens) });
		}
		this.jdbc.batchUpdate("insert into accounts (id, api_token) values (?, ?)", rows);
		for (int batchSize : new int[] { 1, 10, 100, 101, 500 }) {
			assertThat(KeyUsage.scan(this.dataSource, List.of(this.tokens), batchSize)
				.valuesUnder("secret-encryption", this.newKey.getId())).as("batch size %d", batchSize).isEqualTo(101);
		}
	}

	@Test
	void aColumnWithoutValuesHasNoKeyIds() throws Exception {
		KeyUsage usage = KeyUsage.scan(this.dataSource, List.of(this.tokens), 10);
		assertThat(usage.getKeyIds("secret-encryption")).isEmpty();
		assertThat(usage.valuesUnder("secret-encryption", new KeyId(42))).isZero();
		assertThat(usage.getColumns()).singleElement().satisfies((column) -> {
			assertThat(column.plaintext()).isZero();
			assertThat(column.unreadable()).isZero();
		});
	}

	private static EncryptionKey key(String name) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return new EncryptionKey(name, bytes, null);
	}

	private static String encrypt(EncryptionKey key, String plaintext, EncryptedColumn column) {
		return new AesGcmEncryptor(KeyRing.of(List.of(key))).encrypt(key.getName(), plaintext,
				column.associatedDataBytes());
	}

}
