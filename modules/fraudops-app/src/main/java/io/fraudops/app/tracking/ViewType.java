package io.fraudops.app.tracking;

import io.fraudops.app.mlflow.MlflowException;
import java.util.List;
import java.util.Locale;

/** MLflow's ViewType: which lifecycle stages a search returns. */
public enum ViewType {
  ACTIVE_ONLY(List.of(Lifecycle.ACTIVE)),
  DELETED_ONLY(List.of(Lifecycle.DELETED)),
  ALL(List.of(Lifecycle.ACTIVE, Lifecycle.DELETED));

  private final List<String> stages;

  ViewType(List<String> stages) {
    this.stages = stages;
  }

  public List<String> stages() {
    return stages;
  }

  /** Parses the wire name (or its number, 1–3); {@code null} means ACTIVE_ONLY. */
  public static ViewType parse(String text) {
    if (text == null || text.isBlank()) {
      return ACTIVE_ONLY;
    }
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "ACTIVE_ONLY", "1" -> ACTIVE_ONLY;
      case "DELETED_ONLY", "2" -> DELETED_ONLY;
      case "ALL", "3" -> ALL;
      default ->
          throw MlflowException.invalid(
              "Invalid view type '" + text + "': ACTIVE_ONLY, DELETED_ONLY or ALL");
    };
  }

  /** Lifecycle stages of experiments and runs. */
  public static final class Lifecycle {
    private Lifecycle() {}

    public static final String ACTIVE = "active";
    public static final String DELETED = "deleted";
  }
}
