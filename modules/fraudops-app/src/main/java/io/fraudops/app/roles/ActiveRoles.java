package io.fraudops.app.roles;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * The roles this process runs, read from {@code fraudops.roles}: a comma-separated list of {@link
 * Role} names. Unset means every role (the laptop default); an empty or unknown entry stops the
 * start with a message that names it, so a typo in a task definition cannot start a process that
 * quietly serves nothing.
 */
public record ActiveRoles(Set<Role> roles) {

  public static final String PROPERTY = "fraudops.roles";

  public ActiveRoles {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException(
          "fraudops.roles (FRAUDOPS_ROLES) names no role; use api, control-plane or both");
    }
    roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
  }

  public static ActiveRoles parse(String value) {
    if (value == null) {
      return new ActiveRoles(EnumSet.allOf(Role.class));
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : value.split(",")) {
      if (!name.isBlank()) {
        roles.add(Role.ofWire(name));
      }
    }
    return new ActiveRoles(roles);
  }

  public static ActiveRoles of(Environment environment) {
    return parse(environment.getProperty(PROPERTY));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Wire names in declaration order, e.g. {@code [api, control-plane]}. */
  public List<String> names() {
    return roles.stream().map(Role::wire).toList();
  }
}
