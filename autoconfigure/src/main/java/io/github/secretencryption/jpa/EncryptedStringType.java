package io.github.secretencryption.jpa;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.secretencryption.EncryptedValueTooLongException;
import io.github.secretencryption.PlaceholderValueException;
import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.SecretLocation;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.usertype.UserType;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate user type of one {@link io.github.secretencryption.Encrypted} column:
 * encrypts each value as it is written and decrypts it as it is read. SQL {@code NULL}
 * stays {@code null}; every other value, the empty string included, is encrypted.
 * <p>
 * A value that cannot be read fails the read with a
 * {@link io.github.secretencryption.SecretEncryptionException} naming the entity,
 * attribute, column, key id and, when the result set shows it, the row's primary key.
 *
 * @since 0.1.0
 */
public final class EncryptedStringType implements UserType<String> {

	private static final Log logger = LogFactory.getLog(EncryptedStringType.class);

	private final HibernateEncryption encryption;

	private static final long NOT_READ = -2;

	private final Supplier<EncryptedColumn> column;

	private volatile long columnSize = NOT_READ;

	EncryptedStringType(HibernateEncryption encryption, Supplier<EncryptedColumn> column) {
		this.encryption = encryption;
		this.column = column;
	}

	@Override
	public int getSqlType() {
		return Types.VARCHAR;
	}

	@Override
	public Class<String> returnedClass() {
		return String.class;
	}

	@Override
	public @Nullable String nullSafeGet(ResultSet rs, int position, WrapperOptions options) throws SQLException {
		return read(rs.getString(position), () -> RowPrimaryKey.find(rs, position, this.column.get()));
	}

	@Nullable String decrypt(@Nullable String stored) {
		return read(stored, () -> null);
	}

	private @Nullable String read(@Nullable String stored, Supplier<@Nullable String> primaryKey) {
		if (stored == null) {
			return null;
		}
		EncryptedColumn column = this.column.get();
		if (this.encryption.getPlaintextReads() == PlaintextReads.ALLOW && AesGcmEncryptor.isLegacyPlaintext(stored)) {
			logger.warn("Read legacy plaintext from an encrypted column (" + locationOf(column, primaryKey.get())
					+ "); it stays plaintext until a new value is saved");
			this.encryption.getReadListener().plaintextRead(column);
			return stored;
		}
		try {
			return this.encryption.getEncryptor().decrypt(column.keyName(), stored, column.associatedDataBytes());
		}
		catch (SecretEncryptionException ex) {
			SecretEncryptionException located = ex.at(locationOf(column, primaryKey.get()));
			this.encryption.getReadListener().decryptionFailed(column, located);
			throw located;
		}
	}

	@Override
	public void nullSafeSet(PreparedStatement st, @Nullable String value, int position, WrapperOptions options)
			throws SQLException {
		if (value == null) {
			st.setNull(position, Types.VARCHAR);
			return;
		}
		String encrypted = encrypt(value);
		checkLength(st, encrypted.length());
		st.setString(position, encrypted);
	}

	/**
	 * Refuse a value whose encrypted form the column cannot hold, before the database
	 * sees it. The column's size is read from the database's metadata on the first write
	 * and kept.
	 */
	private void checkLength(PreparedStatement st, int length) throws SQLException {
		long size = this.columnSize;
		if (size == NOT_READ) {
			EncryptedColumn column = this.column.get();
			try {
				size = ColumnSizes.find(st.getConnection(), column.table(), column.column());
			}
			catch (SQLException ex) {
				logger.debug("Length of encrypted column " + column.table() + "." + column.column()
						+ " cannot be read from the database's metadata; writes are not checked", ex);
				size = ColumnSizes.UNKNOWN;
			}
			this.columnSize = size;
		}
		if (size != ColumnSizes.UNKNOWN && length > size) {
			EncryptedColumn column = this.column.get();
			throw new EncryptedValueTooLongException(
					"Encrypted value needs " + length + " characters but column " + column.table() + "."
							+ column.column() + " holds " + size + "; widen the column or store a shorter value",
					locationOf(column, null));
		}
	}

	String encrypt(String value) {
		EncryptedColumn column = this.column.get();
		if (value.equals(this.encryption.getPlaceholder())) {
			throw new PlaceholderValueException(
					"Refusing to store the masking placeholder '" + value
							+ "' as a secret; a client sent back a masked value where a real secret is needed",
					locationOf(column, null));
		}
		return this.encryption.getEncryptor().encrypt(column.keyName(), value, column.associatedDataBytes());
	}

	private static SecretLocation locationOf(EncryptedColumn column, @Nullable String primaryKey) {
		return new SecretLocation(column.keyName(), null, column.entity(), column.attribute(), column.table(),
				column.column(), primaryKey);
	}

	EncryptedColumn getColumn() {
		return this.column.get();
	}

	@Override
	public boolean equals(@Nullable String x, @Nullable String y) {
		return Objects.equals(x, y);
	}

	@Override
	public int hashCode(@Nullable String x) {
		return Objects.hashCode(x);
	}

	@Override
	public @Nullable String deepCopy(@Nullable String value) {
		return value;
	}

	@Override
	public boolean isMutable() {
		return false;
	}

	@Override
	public @Nullable Serializable disassemble(@Nullable String value) {
		return value;
	}

	@Override
	public @Nullable String assemble(@Nullable Serializable cached, @Nullable Object owner) {
		return (String) cached;
	}

	@Override
	public String toString() {
		return "EncryptedStringType[" + this.column.get().associatedData() + "]";
	}

}
