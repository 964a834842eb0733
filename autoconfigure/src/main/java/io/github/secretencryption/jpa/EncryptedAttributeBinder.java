package io.github.secretencryption.jpa;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

import io.github.secretencryption.Encrypted;
import io.github.secretencryption.EncryptedMappingException;
import io.github.secretencryption.EncryptionNotConfiguredException;
import io.github.secretencryption.SecretLocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.binder.AttributeBinder;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.KeyValue;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.type.spi.TypeConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Binds an {@link Encrypted} attribute: gives it an {@link EncryptedStringType} for its
 * physical table and column and records the column in the
 * {@link EncryptedColumnRegistry}. Hibernate calls it for every attribute annotated with
 * {@link Encrypted}.
 *
 * @since 0.1.0
 */
public class EncryptedAttributeBinder implements AttributeBinder<Encrypted> {

	private static final Log logger = LogFactory.getLog(EncryptedAttributeBinder.class);

	private static final String SIZE_ANNOTATION = "jakarta.validation.constraints.Size";

	@Override
	public void bind(Encrypted annotation, MetadataBuildingContext context, PersistentClass persistentClass,
			Property property) {
		String entity = persistentClass.getEntityName();
		String attribute = property.getName();
		SecretLocation location = new SecretLocation(annotation.key(), null, entity, attribute, null, null, null);
		HibernateEncryption encryption = findEncryption(context, location);
		if (!(property.getValue() instanceof BasicValue value) || value.getColumnSpan() != 1
				|| value.getColumns().isEmpty()) {
			throw new EncryptedMappingException(
					"@Encrypted attribute " + entity + "." + attribute
							+ " is not a basic attribute mapped to a single column",
					"Put @Encrypted on a String attribute of its own column, not on an association, embeddable or "
							+ "element collection",
					location);
		}
		Column column = value.getColumns().get(0);
		checkStringType(persistentClass, property, entity, attribute, location);
		if (!encryption.getEncryptor().getKeyRing().contains(annotation.key())) {
			throw new EncryptedMappingException(
					"@Encrypted attribute " + entity + "." + attribute + " uses key '" + annotation.key()
							+ "', which is not configured; configured keys are "
							+ encryption.getEncryptor().getKeyRing().getNames(),
					"Fix the key name in @Encrypted(key = ...), or add '" + annotation.key()
							+ "' to secret-encryption.keys if the attribute needs a key of its own",
					location);
		}
		String table = EncryptedColumn.canonical(value.getTable().getName());
		String columnName = EncryptedColumn.canonical(column.getName());
		String associatedData = annotation.context().isEmpty()
				? EncryptedColumn.canonicalAssociatedData(table, columnName) : annotation.context();
		Resolved resolved = new Resolved(entity, attribute, table, columnName, annotation.key(), associatedData,
				maxLength(annotation, persistentClass.getMappedClass(), attribute), persistentClass);
		EncryptedStringType type = new EncryptedStringType(encryption, resolved::get);
		String typeName = "secret-encryption:" + entity + "#" + attribute;
		TypeConfiguration typeConfiguration = context.getMetadataCollector().getTypeConfiguration();
		typeConfiguration.getBasicTypeRegistry()
			.register(new EncryptedCustomType(type, typeName, typeConfiguration), typeName);
		value.setExplicitTypeName(typeName);
		value.setTypeName(typeName);
		encryption.getRegistry().register(entity, attribute, resolved::get);
		if (logger.isDebugEnabled()) {
			logger.debug("Encrypting " + entity + "." + attribute + " in " + associatedData + " under key '"
					+ annotation.key() + "'");
		}
	}

	private HibernateEncryption findEncryption(MetadataBuildingContext context, SecretLocation location) {
		Object setting = context.getBootstrapContext()
			.getServiceRegistry()
			.requireService(ConfigurationService.class)
			.getSettings()
			.get(HibernateEncryption.SETTING);
		if (setting instanceof HibernateEncryption encryption) {
			return encryption;
		}
		throw new EncryptionNotConfiguredException("Persistence unit maps an @Encrypted attribute but is not "
				+ "connected to secret-encryption, so it could only store plaintext. A persistence unit built by "
				+ "Spring Boot is connected automatically; one built by hand must put the HibernateEncryption bean "
				+ "into its JPA properties under '" + HibernateEncryption.SETTING + "'", location);
	}

	private void checkStringType(PersistentClass persistentClass, Property property, String entity, String attribute,
			SecretLocation location) {
		Class<?> type = attributeType(persistentClass.getMappedClass(), property.getName());
		if (type != null && type != String.class) {
			throw new EncryptedMappingException(
					"@Encrypted attribute " + entity + "." + attribute + " is of type " + type.getName()
							+ ", but only String attributes can be encrypted",
					"Make the attribute a String (convert the value in the entity's accessors), or remove @Encrypted",
					location);
		}
	}

	/**
	 * Return {@code @Encrypted(maxLength = ...)} if set, else the {@code max} of a
	 * {@code @Size} of Jakarta Validation on the field or getter, found by name so that
	 * Jakarta Validation need not be on the class path, else -1.
	 */
	private static int maxLength(Encrypted annotation, @Nullable Class<?> type, String name) {
		if (annotation.maxLength() >= 0) {
			return annotation.maxLength();
		}
		String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (field.getName().equals(name)) {
					int max = sizeMax(field.getAnnotations());
					if (max >= 0) {
						return max;
					}
				}
			}
			for (Method method : current.getDeclaredMethods()) {
				if (method.getName().equals(getter) && method.getParameterCount() == 0) {
					int max = sizeMax(method.getAnnotations());
					if (max >= 0) {
						return max;
					}
				}
			}
		}
		return -1;
	}

	private static int sizeMax(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			if (annotation.annotationType().getName().equals(SIZE_ANNOTATION)) {
				try {
					int max = (int) annotation.annotationType().getMethod("max").invoke(annotation);
					return (max == Integer.MAX_VALUE) ? -1 : max;
				}
				catch (ReflectiveOperationException ex) {
					return -1;
				}
			}
		}
		return -1;
	}

	private static @Nullable Class<?> attributeType(@Nullable Class<?> type, String name) {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (field.getName().equals(name)) {
					return field.getType();
				}
			}
			String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
			for (Method method : current.getDeclaredMethods()) {
				if (method.getName().equals(getter) && method.getParameterCount() == 0) {
					return method.getReturnType();
				}
			}
		}
		return null;
	}

	/**
	 * Column details, completed on first use once Hibernate has bound the primary key.
	 */
	private static final class Resolved {

		private final String entity;

		private final String attribute;

		private final String table;

		private final String column;

		private final String keyName;

		private final String associatedData;

		private final int maxLength;

		private final PersistentClass persistentClass;

		private volatile @Nullable EncryptedColumn resolved;

		Resolved(String entity, String attribute, String table, String column, String keyName, String associatedData,
				int maxLength, PersistentClass persistentClass) {
			this.entity = entity;
			this.attribute = attribute;
			this.table = table;
			this.column = column;
			this.keyName = keyName;
			this.associatedData = associatedData;
			this.maxLength = maxLength;
			this.persistentClass = persistentClass;
		}

		EncryptedColumn get() {
			EncryptedColumn result = this.resolved;
			if (result == null) {
				result = new EncryptedColumn(this.entity, this.attribute, this.table, this.column, this.keyName,
						this.associatedData, primaryKeyColumn(), this.maxLength);
				this.resolved = result;
			}
			return result;
		}

		private @Nullable String primaryKeyColumn() {
			KeyValue identifier = this.persistentClass.getIdentifier();
			if (identifier == null) {
				return null;
			}
			List<Selectable> selectables = identifier.getSelectables();
			if (selectables.size() != 1 || !(selectables.get(0) instanceof Column id)) {
				return null;
			}
			return EncryptedColumn.canonical(id.getName());
		}

	}

}
