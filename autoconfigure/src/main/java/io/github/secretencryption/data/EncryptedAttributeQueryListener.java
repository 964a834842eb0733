package io.github.secretencryption.data;

import java.beans.PropertyDescriptor;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.function.Function;

import io.github.secretencryption.AttributeNotQueryableException;
import io.github.secretencryption.Encrypted;
import io.github.secretencryption.SecretLocation;
import io.github.secretencryption.jpa.EncryptedQueryCheck;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.query.AbstractJpaQuery;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.EntityQuery;
import org.springframework.data.jpa.repository.query.JpaQueryMethod;
import org.springframework.data.jpa.repository.query.PartTreeJpaQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.repository.core.support.QueryCreationListener;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.util.ReflectionUtils;

/**
 * Checks each query method of one repository as Spring Data creates its query.
 */
class EncryptedAttributeQueryListener implements QueryCreationListener<RepositoryQuery> {

	private static final Log logger = LogFactory.getLog(EncryptedAttributeQueryListener.class);

	private final Class<?> repositoryInterface;

	private final Function<Class<?>, @Nullable EntityManagerFactory> units;

	EncryptedAttributeQueryListener(Class<?> repositoryInterface,
			Function<Class<?>, @Nullable EntityManagerFactory> units) {
		this.repositoryInterface = repositoryInterface;
		this.units = units;
	}

	@Override
	public void onCreation(RepositoryQuery query) {
		QueryMethod method = query.getQueryMethod();
		String origin = "Repository method " + this.repositoryInterface.getSimpleName() + "." + method.getName();
		Class<?> domainClass = method.getEntityInformation().getJavaType();
		if (query instanceof PartTreeJpaQuery) {
			checkDerivedQuery(origin, method.getName(), domainClass);
		}
		else if (query instanceof AbstractJpaQuery jpaQuery) {
			checkDeclaredQuery(origin, jpaQuery.getQueryMethod(), domainClass);
		}
	}

	private void checkDerivedQuery(String origin, String methodName, Class<?> domainClass) {
		PartTree tree = new PartTree(methodName, domainClass);
		for (Part part : tree.getParts()) {
			if (part.getType() != Part.Type.IS_NULL && part.getType() != Part.Type.IS_NOT_NULL) {
				check(origin, part.getProperty(), "a derived " + part.getType().name() + " condition");
			}
		}
		for (Sort.Order order : tree.getSort()) {
			check(origin, PropertyPath.from(order.getProperty(), domainClass), "ORDER BY");
		}
	}

	private void check(String origin, PropertyPath path, String use) {
		PropertyPath leaf = path.getLeafProperty();
		Class<?> owner = leaf.getOwningType().getType();
		if (isEncrypted(owner, leaf.getSegment())) {
			throw AttributeNotQueryableException.of(origin, use,
					new SecretLocation(null, null, owner.getName(), leaf.getSegment(), null, null, null));
		}
	}

	private static boolean isEncrypted(Class<?> owner, String property) {
		Field field = ReflectionUtils.findField(owner, property);
		if (field != null && field.isAnnotationPresent(Encrypted.class)) {
			return true;
		}
		PropertyDescriptor descriptor = BeanUtils.getPropertyDescriptor(owner, property);
		AnnotatedElement getter = (descriptor != null) ? descriptor.getReadMethod() : null;
		return getter != null && getter.isAnnotationPresent(Encrypted.class);
	}

	private void checkDeclaredQuery(String origin, JpaQueryMethod method, Class<?> domainClass) {
		if (method.getAnnotatedQuery() == null) {
			return;
		}
		DeclaredQuery declared = method.getRequiredDeclaredQuery();
		if (declared.isNative()) {
			return;
		}
		EntityManagerFactory unit = this.units.apply(domainClass);
		if (unit == null) {
			logger.debug(origin + " is checked when it runs: no single persistence unit manages " + domainClass);
			return;
		}
		String jpql = EntityQuery.create(declared, QueryEnhancerSelector.DEFAULT_SELECTOR).getQueryString();
		try {
			EncryptedQueryCheck.check(unit, jpql, origin);
		}
		catch (IllegalArgumentException ex) {
			logger.debug(origin + " is checked when it runs: its query cannot be parsed on its own");
		}
	}

}
