package io.github.secretencryption.jackson;

import java.util.List;

import io.github.secretencryption.Encrypted;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Jackson module that writes every non-null {@link Encrypted} property as the placeholder
 * of a {@link SecretMasking} while masking is active on the current thread, and as its
 * real value otherwise. {@code null} stays {@code null}. The property keeps its name,
 * position and every other Jackson setting.
 *
 * @since 0.1.0
 */
public class SecretMaskingModule extends JacksonModule {

	private final SecretMasking masking;

	/**
	 * Create a module for the given masking.
	 * @param masking the placeholder to write
	 */
	public SecretMaskingModule(SecretMasking masking) {
		this.masking = masking;
	}

	@Override
	public String getModuleName() {
		return "secret-encryption-masking";
	}

	@Override
	public Version version() {
		return Version.unknownVersion();
	}

	@Override
	public void setupModule(SetupContext context) {
		context.addSerializerModifier(new MaskingModifier(this.masking.getPlaceholder()));
	}

	private static final class MaskingModifier extends ValueSerializerModifier {

		private static final long serialVersionUID = 1L;

		private final String placeholder;

		MaskingModifier(String placeholder) {
			this.placeholder = placeholder;
		}

		@Override
		public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
				BeanDescription.Supplier description, List<BeanPropertyWriter> properties) {
			return properties.stream()
				.map((property) -> (property.getAnnotation(Encrypted.class) != null)
						? new MaskingPropertyWriter(property, this.placeholder) : property)
				.collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
		}

	}

	private static final class MaskingPropertyWriter extends BeanPropertyWriter {

		private static final long serialVersionUID = 1L;

		private final String placeholder;

		MaskingPropertyWriter(BeanPropertyWriter base, String placeholder) {
			super(base);
			this.placeholder = placeholder;
		}

		@Override
		public void serializeAsProperty(Object bean, JsonGenerator generator, SerializationContext context)
				throws Exception {
			if (SecretMasking.isActive() && get(bean) != null) {
				generator.writeName(this._name);
				generator.writeString(this.placeholder);
				return;
			}
			super.serializeAsProperty(bean, generator, context);
		}

		@Override
		public void serializeAsElement(Object bean, JsonGenerator generator, SerializationContext context)
				throws Exception {
			if (SecretMasking.isActive() && get(bean) != null) {
				generator.writeString(this.placeholder);
				return;
			}
			super.serializeAsElement(bean, generator, context);
		}

	}

}
