package io.fraudops.app.registry;

import io.fraudops.app.mlflow.ErrorCode;
import io.fraudops.app.mlflow.MlflowException;

/** A model, version or alias the registry does not have. */
public class ModelNotFoundException extends MlflowException {
  private static final long serialVersionUID = 1L;

  public ModelNotFoundException(String message) {
    super(ErrorCode.RESOURCE_DOES_NOT_EXIST, message);
  }
}
