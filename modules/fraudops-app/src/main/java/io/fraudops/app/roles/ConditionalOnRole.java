package io.fraudops.app.roles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers a bean only in processes that run the given role ({@code FRAUDOPS_ROLES}). Every bean
 * of a role's feature packages carries it: {@code serving} is {@link Role#API}; the registry API,
 * pipelines and console are {@link Role#CONTROL_PLANE}. The registry itself (database, artifact
 * store) is shared: serving follows its aliases.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnRoleCondition.class)
public @interface ConditionalOnRole {
  Role value();
}
