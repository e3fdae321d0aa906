package io.fraudops.app.registry;

import io.fraudops.app.mlflow.MlflowException;
import java.util.Locale;

/** MLflow's model version stages: None → Staging → Production → Archived. */
public enum Stage {
  NONE("None"),
  STAGING("Staging"),
  PRODUCTION("Production"),
  ARCHIVED("Archived");

  /** Stage of a deleted version: kept so version numbers are never reused, hidden everywhere. */
  static final String DELETED_INTERNAL = "Deleted_Internal";

  private final String wire;

  Stage(String wire) {
    this.wire = wire;
  }

  /** The stage as MLflow writes it, e.g. {@code Production}. */
  public String wire() {
    return wire;
  }

  /** Parses a stage name case-insensitively. */
  public static Stage parse(String text) {
    if (text != null) {
      for (Stage s : values()) {
        if (s.wire.equalsIgnoreCase(text.strip())) {
          return s;
        }
      }
    }
    throw MlflowException.invalid(
        "Invalid Model Version stage: "
            + text
            + ". Value must be one of None, Staging, Production, Archived.");
  }

  public static boolean isStage(String text) {
    if (text == null) {
      return false;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (Stage s : values()) {
      if (s.wire.toLowerCase(Locale.ROOT).equals(t)) {
        return true;
      }
    }
    return false;
  }
}
