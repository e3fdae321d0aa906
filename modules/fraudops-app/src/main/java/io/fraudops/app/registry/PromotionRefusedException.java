package io.fraudops.app.registry;

import io.fraudops.app.mlflow.ErrorCode;
import io.fraudops.app.mlflow.MlflowException;

/** A version failed the checks a promotion requires; the alias or stage did not move. */
public class PromotionRefusedException extends MlflowException {
  private static final long serialVersionUID = 1L;

  public PromotionRefusedException(String message, Throwable cause) {
    super(ErrorCode.BAD_REQUEST, message, cause);
  }
}
