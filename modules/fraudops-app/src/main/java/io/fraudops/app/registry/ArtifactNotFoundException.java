package io.fraudops.app.registry;

import io.fraudops.app.mlflow.ErrorCode;
import io.fraudops.app.mlflow.MlflowException;

/** An artifact key that the store does not hold. */
public class ArtifactNotFoundException extends MlflowException {
  private static final long serialVersionUID = 1L;

  public ArtifactNotFoundException(String message) {
    super(ErrorCode.RESOURCE_DOES_NOT_EXIST, message);
  }
}
