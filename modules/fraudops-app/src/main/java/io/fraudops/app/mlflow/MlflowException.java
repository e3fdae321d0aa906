package io.fraudops.app.mlflow;

/**
 * A refusal of the tracking or registry store in MLflow's terms: answered over REST as {@code
 * {"error_code": ..., "message": ...}} with the code's HTTP status, and by the CLI as one line.
 */
public class MlflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public MlflowException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public MlflowException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static MlflowException invalid(String message) {
    return new MlflowException(ErrorCode.INVALID_PARAMETER_VALUE, message);
  }

  public static MlflowException notFound(String message) {
    return new MlflowException(ErrorCode.RESOURCE_DOES_NOT_EXIST, message);
  }

  public static MlflowException exists(String message) {
    return new MlflowException(ErrorCode.RESOURCE_ALREADY_EXISTS, message);
  }
}
