package io.github.secretencryption.jpa;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.CustomType;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.spi.TypeConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate type of one encrypted column. It binds and extracts values through its
 * {@link EncryptedStringType} directly, so that Hibernate's JDBC trace logging, which
 * logs every bound and extracted value, never sees a plaintext, and it shows values in
 * log output as a fixed marker.
 */
final class EncryptedCustomType extends CustomType<String> {

	private static final String LOGGED_VALUE = "(encrypted)";

	private final EncryptedStringType userType;

	private final ValueBinder<String> binder = new Binder();

	private final ValueExtractor<String> extractor = new Extractor();

	EncryptedCustomType(EncryptedStringType userType, String name, TypeConfiguration typeConfiguration) {
		super(userType, new String[] { name }, typeConfiguration);
		this.userType = userType;
	}

	EncryptedColumn getColumn() {
		return this.userType.getColumn();
	}

	@Override
	public ValueBinder<String> getJdbcValueBinder() {
		return this.binder;
	}

	@Override
	public ValueExtractor<String> getJdbcValueExtractor() {
		return this.extractor;
	}

	@Override
	public String toLoggableString(@Nullable Object value, SessionFactoryImplementor factory) {
		return (value != null) ? LOGGED_VALUE : "null";
	}

	private final class Binder implements ValueBinder<String> {

		@Override
		public void bind(PreparedStatement st, @Nullable String value, int index, WrapperOptions options)
				throws SQLException {
			EncryptedCustomType.this.userType.nullSafeSet(st, value, index, options);
		}

		@Override
		public void bind(CallableStatement st, @Nullable String value, String name, WrapperOptions options)
				throws SQLException {
			st.setString(name, (value != null) ? EncryptedCustomType.this.userType.encrypt(value) : null);
		}

		@Override
		public @Nullable Object getBindValue(@Nullable String value, WrapperOptions options) {
			return (value != null) ? EncryptedCustomType.this.userType.encrypt(value) : null;
		}

	}

	private final class Extractor implements ValueExtractor<String> {

		@Override
		public @Nullable String extract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
			return EncryptedCustomType.this.userType.nullSafeGet(rs, paramIndex, options);
		}

		@Override
		public @Nullable String extract(CallableStatement statement, int paramIndex, WrapperOptions options)
				throws SQLException {
			return EncryptedCustomType.this.userType.decrypt(statement.getString(paramIndex));
		}

		@Override
		public @Nullable String extract(CallableStatement statement, String paramName, WrapperOptions options)
				throws SQLException {
			return EncryptedCustomType.this.userType.decrypt(statement.getString(paramName));
		}

	}

}
