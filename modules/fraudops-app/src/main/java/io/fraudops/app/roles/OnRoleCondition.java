package io.fraudops.app.roles;

import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code fraudops.roles} includes the role of {@link ConditionalOnRole}. */
final class OnRoleCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Map<String, Object> attributes =
        metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
    if (attributes == null) {
      return true;
    }
    Role wanted = (Role) attributes.get("value");
    return ActiveRoles.of(context.getEnvironment()).has(wanted);
  }
}
