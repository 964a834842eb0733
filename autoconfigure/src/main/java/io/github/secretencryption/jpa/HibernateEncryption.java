package io.github.secretencryption.jpa;

import java.util.Map;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import org.jspecify.annotations.Nullable;

/**
 * What Hibernate needs to encrypt {@link io.github.secretencryption.Encrypted}
 * attributes: the encryptor, the registry that records encrypted columns, the placeholder
 * that must never be stored as a secret, what to do with legacy plaintext, and who is
 * told about failed reads.
 * <p>
 * It reaches Hibernate as the value of the setting {@value #SETTING} in the persistence
 * unit's properties. Spring Boot's auto-configuration sets it on the persistence unit it
 * builds; a persistence unit built by hand must set it too, for example
 * {@code factoryBean.getJpaPropertyMap().putAll(hibernateEncryption.toHibernateProperties())}
 * with the {@code HibernateEncryption} bean of the application. A persistence unit with
 * encrypted attributes that lacks it fails to start.
 *
 * @since 0.1.0
 */
public final class HibernateEncryption {

	/**
	 * Name of the Hibernate setting that carries this object.
	 */
	public static final String SETTING = "io.github.secretencryption.hibernate-encryption";

	/**
	 * Name of Hibernate's setting for the translator of queries to SQL, through which
	 * every JPQL, HQL and criteria query is checked for uses of encrypted attributes that
	 * the database cannot evaluate.
	 */
	public static final String QUERY_TRANSLATOR_SETTING = "hibernate.query.sqm.translator";

	private final AesGcmEncryptor encryptor;

	private final EncryptedColumnRegistry registry;

	private final @Nullable String placeholder;

	private final PlaintextReads plaintextReads;

	private final EncryptedReadListener readListener;

	/**
	 * Create a new instance that rejects legacy plaintext.
	 * @param encryptor the encryptor
	 * @param registry the registry of encrypted columns
	 * @param placeholder value that must never be written as a secret, or {@code null}
	 */
	public HibernateEncryption(AesGcmEncryptor encryptor, EncryptedColumnRegistry registry,
			@Nullable String placeholder) {
		this(encryptor, registry, placeholder, PlaintextReads.REJECT, EncryptedReadListener.NONE);
	}

	/**
	 * Create a new instance.
	 * @param encryptor the encryptor
	 * @param registry the registry of encrypted columns
	 * @param placeholder value that must never be written as a secret, or {@code null}
	 * @param plaintextReads what reading legacy plaintext does
	 * @param readListener told about failed reads and legacy plaintext reads
	 */
	public HibernateEncryption(AesGcmEncryptor encryptor, EncryptedColumnRegistry registry,
			@Nullable String placeholder, PlaintextReads plaintextReads, EncryptedReadListener readListener) {
		this.encryptor = encryptor;
		this.registry = registry;
		this.placeholder = placeholder;
		this.plaintextReads = plaintextReads;
		this.readListener = readListener;
	}

	/**
	 * Return the encryptor.
	 * @return the encryptor
	 */
	public AesGcmEncryptor getEncryptor() {
		return this.encryptor;
	}

	/**
	 * Return the registry of encrypted columns.
	 * @return the registry
	 */
	public EncryptedColumnRegistry getRegistry() {
		return this.registry;
	}

	/**
	 * Return the placeholder that must never be written as a secret.
	 * @return the placeholder, or {@code null}
	 */
	public @Nullable String getPlaceholder() {
		return this.placeholder;
	}

	/**
	 * Return what reading legacy plaintext does.
	 * @return the policy for legacy plaintext
	 */
	public PlaintextReads getPlaintextReads() {
		return this.plaintextReads;
	}

	/**
	 * Return the listener told about failed reads and legacy plaintext reads.
	 * @return the listener
	 */
	public EncryptedReadListener getReadListener() {
		return this.readListener;
	}

	/**
	 * Return the properties that connect a persistence unit to this instance: this object
	 * under {@value #SETTING}, and the query check under
	 * {@value #QUERY_TRANSLATOR_SETTING}.
	 * @return a map to add to the persistence unit's properties
	 */
	public Map<String, Object> toHibernateProperties() {
		return Map.of(SETTING, this, QUERY_TRANSLATOR_SETTING, CheckingSqmTranslatorFactory.class.getName());
	}

	@Override
	public String toString() {
		return "HibernateEncryption[" + this.registry + ", plaintext reads " + this.plaintextReads + "]";
	}

}
