package io.fraudops.app.roles;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a fraudops process does. One image serves every ECS service: each service picks its roles
 * with {@code FRAUDOPS_ROLES} (property {@code fraudops.roles}); a laptop runs both.
 */
public enum Role {
  /** Scoring: {@code /predict}, {@code /predict/batch}, the serving model that follows an alias. */
  API("api"),
  /**
   * Everything around the model: the registry API, pipelines and the console. It owns the database
   * schema (Flyway runs wherever the registry starts) and never serves predictions.
   */
  CONTROL_PLANE("control-plane");

  private final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  /** The name used in {@code FRAUDOPS_ROLES} and on {@code /health}. */
  public String wire() {
    return wire;
  }

  /**
   * The role of a name in {@code FRAUDOPS_ROLES}; an unknown name is refused with the known ones.
   */
  public static Role ofWire(String name) {
    String trimmed = name.trim();
    for (Role role : values()) {
      if (role.wire.equalsIgnoreCase(trimmed)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '"
            + trimmed
            + "' in fraudops.roles (FRAUDOPS_ROLES); known roles: "
            + Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", ")));
  }
}
