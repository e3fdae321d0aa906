package io.fraudops.app.mlflow;

/**
 * MLflow's error codes (databricks.proto) with the HTTP status MLflow's server answers each with.
 */
public enum ErrorCode {
  INVALID_PARAMETER_VALUE(400),
  BAD_REQUEST(400),
  RESOURCE_ALREADY_EXISTS(400),
  RESOURCE_DOES_NOT_EXIST(404),
  ENDPOINT_NOT_FOUND(404),
  TEMPORARILY_UNAVAILABLE(503),
  INTERNAL_ERROR(500);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
