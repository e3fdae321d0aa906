package io.fraudops.app.tracking;

import io.fraudops.app.mlflow.MlflowException;
import java.util.Locale;

/** MLflow's RunStatus. */
public enum RunStatus {
  RUNNING,
  SCHEDULED,
  FINISHED,
  FAILED,
  KILLED;

  public static RunStatus parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw MlflowException.invalid(
          "Invalid run status '" + text + "': RUNNING, SCHEDULED, FINISHED, FAILED or KILLED");
    }
  }

  public boolean terminated() {
    return this == FINISHED || this == FAILED || this == KILLED;
  }
}
