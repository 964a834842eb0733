package io.github.secretencryption.data;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/**
 * Checks the query methods of every Spring Data JPA repository of the application context
 * as the repository is created: a derived query method whose name compares an encrypted
 * attribute ({@code findByEmail}, {@code findByEmailContaining},
 * {@code findAllByOrderByEmail}, but not {@code findByEmailIsNull}), or an {@code @Query}
 * whose JPQL does, fails the creation of the repository, and so the startup of the
 * application, with an {@link io.github.secretencryption.AttributeNotQueryableException}
 * that names the repository method, the entity and the attribute.
 * <p>
 * Native queries are not checked. Queries built at run time (criteria, specifications,
 * query by example, sorting parameters) are checked by Hibernate when they run; see
 * {@link io.github.secretencryption.jpa.EncryptedQueryCheck}.
 *
 * @since 0.1.0
 */
public final class EncryptedAttributeRepositoryChecks implements BeanPostProcessor, BeanFactoryAware {

	private @Nullable ListableBeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (beanFactory instanceof ListableBeanFactory listable) ? listable : null;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> factoryBean) {
			Class<?> repositoryInterface = factoryBean.getObjectType();
			factoryBean.addRepositoryFactoryCustomizer((factory) -> factory
				.addQueryCreationListener(new EncryptedAttributeQueryListener(repositoryInterface, this::findUnit)));
		}
		return bean;
	}

	private @Nullable EntityManagerFactory findUnit(Class<?> domainClass) {
		if (this.beanFactory == null) {
			return null;
		}
		List<EntityManagerFactory> units = this.beanFactory.getBeanProvider(EntityManagerFactory.class)
			.orderedStream()
			.filter((unit) -> manages(unit, domainClass))
			.toList();
		return (units.size() == 1) ? units.get(0) : null;
	}

	private static boolean manages(EntityManagerFactory unit, Class<?> domainClass) {
		try {
			unit.getMetamodel().managedType(domainClass);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
